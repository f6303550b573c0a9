import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { waitForHttp } from '../stack/waitForHttp.ts';
import type { Benchmark } from './Benchmark.ts';

const ports = { chain: 28645, provider: 28787, shop: 25173 };

/** `stack_start_ms`: from launching the stack (already built) until chain, provider and shop all answer. */
export const benchStackStart: Benchmark = {
  name: 'local stack start',
  async run() {
    const dataDir = '.data/bench-stack';
    rmSync(dataDir, { recursive: true, force: true });
    const startedAt = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        CHAIN_PORT: String(ports.chain),
        PROVIDER_PORT: String(ports.provider),
        SHOP_PORT: String(ports.shop),
        DATA_DIR: dataDir,
      },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((done) =>
      child.once('exit', () => {
        done();
      }),
    );
    try {
      const isAlive = () => child.exitCode === null;
      await Promise.all([
        waitForChain(`http://127.0.0.1:${ports.chain}`, isAlive),
        waitForHttp({
          url: `http://127.0.0.1:${ports.provider}/healthz`,
          timeoutMs: 60_000,
          isAlive,
        }),
        waitForHttp({ url: `http://127.0.0.1:${ports.shop}/`, timeoutMs: 60_000, isAlive }),
      ]);
      return { stack_start_ms: Math.round(performance.now() - startedAt) };
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  },
};

async function waitForChain(rpcUrl: string, isAlive: () => boolean): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline && isAlive()) {
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`dev chain at ${rpcUrl} did not answer`);
}

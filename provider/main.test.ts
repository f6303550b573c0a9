import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The CLI as an operator runs it: a separate process, its exit code, what it prints.
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

type Finished = { exitCode: number | null; stdout: string; stderr: string };

function startMain(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'provider/main.ts', ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { output: Finished; done: Promise<Finished> } {
  const output: Finished = { exitCode: null, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => {
    child.on('exit', (exitCode) => {
      output.exitCode = exitCode;
      resolve(output);
    });
  });
  return { output, done };
}

describe('provider/main.ts', () => {
  let dataDir: string;
  let occupier: Server;
  let occupiedPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tp-main-'));
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const address = occupier.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    occupiedPort = address.port;
  });

  afterAll(async () => {
    await new Promise((resolve) => occupier.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  test('exits 1 with one clear line, not a stack trace, when the port is in use', async () => {
    const child = startMain(['serve'], { PROVIDER_PORT: String(occupiedPort), DATA_DIR: dataDir });
    const { exitCode, stderr } = await collect(child).done;
    expect(exitCode).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `port ${occupiedPort} is in use — is another TP Pay stack running?`,
    );
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  test('exits 1 naming the variable when the port is not a number', async () => {
    const child = startMain(['serve'], { PROVIDER_PORT: 'eighty', DATA_DIR: dataDir });
    const { exitCode, stderr } = await collect(child).done;
    expect(exitCode).toBe(1);
    expect(stderr).toContain('PROVIDER_PORT="eighty" is not valid');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  test('exits 2 with the usage when the command is missing', async () => {
    const { exitCode, stderr } = await collect(startMain([], {})).done;
    expect(exitCode).toBe(2);
    expect(stderr).toContain('usage: tsx provider/main.ts serve');
  });

  test('serves, logs its URL, and exits 0 on SIGTERM', async () => {
    const child = startMain(['serve'], { PROVIDER_PORT: '0', DATA_DIR: dataDir });
    const { output, done } = collect(child);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no URL logged:\n${output.stdout}\n${output.stderr}`));
      }, 40_000);
      child.stdout?.on('data', () => {
        const match = /listening on (http:\/\/[^\s"]+)/.exec(output.stdout);
        if (match?.[1] === undefined) return;
        clearTimeout(timer);
        resolve(match[1]);
      });
    });
    const response = await fetch(`${url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });

    child.kill('SIGTERM');
    const { exitCode, stdout } = await done;
    expect(exitCode).toBe(0);
    expect(stdout).toContain('shutting down');
    // A whole provider process starts (tsx, PGlite, migrations): on a loaded 2-core machine that
    // alone has taken over 30 s, so this test waits longer than the others.
  }, 90_000);
});

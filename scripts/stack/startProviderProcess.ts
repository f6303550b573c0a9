import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { TpError } from '../../shared/errors/TpError.ts';
import { devStackProviderEnv } from './devStackProviderEnv.ts';
import { waitForHttp } from './waitForHttp.ts';

export type StartProviderProcessParameters = {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly stackFile: string;
  /**
   * The dev chain's JSON-RPC URL: the provider watches chain `chainId` there for payments, with
   * dev-stack timings (one confirmation, quick polls) and http webhook URLs to this machine
   * allowed. Without it, no chain is watched.
   */
  readonly chain?: {
    readonly chainId: number;
    readonly rpcUrl: string;
    /** The sandbox on-ramp's payout key (see `devStackProviderEnv`); none: no on-ramp. */
    readonly onrampFundingKey?: string;
  };
  /** More settings for the provider (they win over the ones above and the parent's). */
  readonly env?: Readonly<Record<string, string>>;
  readonly log?: (line: string) => void;
};

export type StartProviderProcessReturnType = {
  readonly url: string;
  readonly stop: () => Promise<void>;
  /** SIGKILL, as a crash would: nothing is closed cleanly. Resolves once the process is gone. */
  readonly kill: () => Promise<void>;
};

/** Runs `provider/main.ts serve` as a child process and waits until /healthz answers. */
export async function startProviderProcess({
  host,
  port,
  dataDir,
  stackFile,
  chain,
  env = {},
  log,
}: StartProviderProcessParameters): Promise<StartProviderProcessReturnType> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'provider/main.ts', 'serve'], {
    env: {
      ...process.env,
      PROVIDER_HOST: host,
      PROVIDER_PORT: String(port),
      DATA_DIR: dataDir,
      STACK_FILE: stackFile,
      ...(chain === undefined ? {} : devStackProviderEnv(chain)),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 30) output.shift();
      log?.(line);
    });
  }
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      done();
    }),
  );
  const killOnParentExit = () => child.kill('SIGKILL');
  process.once('exit', killOnParentExit);
  const stop = async () => {
    process.off('exit', killOnParentExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    process.off('exit', killOnParentExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };

  const url = `http://${host}:${port}`;
  try {
    await waitForHttp({
      url: `${url}/healthz`,
      timeoutMs: 30_000,
      isAlive: () => child.exitCode === null,
    });
  } catch (error) {
    await stop();
    throw new TpError({
      code: 'stack/provider-failed',
      shortMessage: 'The provider did not start.',
      details: { output: output.join('\n') },
      cause: error,
    });
  }
  return { url, stop, kill };
}

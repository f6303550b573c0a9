/**
 * Starts Hardhat 2's JSON-RPC node (chainId 31337, the public "test … junk" accounts, automine) as
 * a child process of this Node, from node_modules. Everything it knows is public test material:
 * never point real funds or real keys at it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { assertPortFree } from './assertPortFree.ts';
import { DevChainExitedError } from './DevChainExitedError.ts';
import { DevChainStartTimeoutError } from './DevChainStartTimeoutError.ts';
import { PortInUseError } from './PortInUseError.ts';

export type StartDevChainParameters = {
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Default 8545. `0` lets the OS pick a free port (read back from the node's banner). */
  port?: number;
  /** Default 31337. Another id gives a second, distinct chain (tests of wrong-chain payments). */
  chainId?: number;
  /** Receives every line the node prints (stdout and stderr), without colors. */
  log?: (line: string) => void;
  /** How long to wait for `eth_chainId` to answer `chainId`. Default 30 s. */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before sending SIGKILL. Default 5 s. */
  killTimeoutMs?: number;
};

export type StartDevChainReturnType = {
  rpcUrl: string;
  chainId: number;
  port: number;
  /** Kills the node (SIGTERM, then SIGKILL) and resolves once it has exited. Idempotent. */
  stop: () => Promise<void>;
};

export type StartDevChainErrorType =
  PortInUseError | DevChainExitedError | DevChainStartTimeoutError | Error;

const devChainChainId = 31337;
const stderrTailLines = 30;
const pollIntervalMs = 50;

export async function startDevChain({
  host = '127.0.0.1',
  port = 8545,
  chainId = devChainChainId,
  log,
  startTimeoutMs = 30_000,
  killTimeoutMs = 5_000,
}: StartDevChainParameters = {}): Promise<StartDevChainReturnType> {
  if (port !== 0) await assertPortFree({ host, port });

  const require = createRequire(import.meta.url);
  const hardhatRoot = dirname(require.resolve('hardhat/package.json'));
  const configPath = join(dirname(fileURLToPath(import.meta.url)), 'hardhat.config.cjs');
  const child = spawn(
    process.execPath,
    [
      join(hardhatRoot, 'internal', 'cli', 'bootstrap.js'),
      '--config',
      configPath,
      'node',
      '--hostname',
      host,
      '--port',
      String(port),
    ],
    {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: {
        ...process.env,
        HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true',
        HARDHAT_HIDE_SOLIDITY_SURVEY_MESSAGE: 'true',
        NO_COLOR: '1',
        // Read by hardhat.config.cjs.
        DEV_CHAIN_ID: String(chainId),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.once('error', () => {
      resolve();
    });
  });
  // If the parent dies without calling stop(), take the node down with it.
  const killOnParentExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnParentExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => {
            resolve('timeout');
          }, killTimeoutMs);
        });
        const outcome = await Promise.race([exited, timedOut]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          child.kill('SIGKILL');
          await exited;
        }
      }
      process.removeListener('exit', killOnParentExit);
    })();
    return stopping;
  };

  const stderrTail: string[] = [];
  let isAddressInUse = false;
  let listeningPort: number | undefined;
  let announceListening: (() => void) | undefined;
  const listening = new Promise<void>((resolve) => {
    announceListening = resolve;
  });

  createInterface({ input: child.stdout }).on('line', (coloredLine) => {
    const line = withoutAnsiEscapes(coloredLine);
    log?.(line);
    const match = /JSON-RPC server at \S+:(\d+)\/?\s*$/.exec(line);
    if (match?.[1] !== undefined && listeningPort === undefined) {
      listeningPort = Number(match[1]);
      announceListening?.();
    }
  });
  createInterface({ input: child.stderr }).on('line', (coloredLine) => {
    const line = withoutAnsiEscapes(coloredLine);
    log?.(line);
    if (line.includes('EADDRINUSE')) isAddressInUse = true;
    stderrTail.push(line);
    if (stderrTail.length > stderrTailLines) stderrTail.shift();
  });

  let spawnError: unknown;
  child.once('error', (error) => {
    spawnError = error;
  });

  let lastAnswer: string | undefined;
  const describeTimeout = (): DevChainStartTimeoutError =>
    new DevChainStartTimeoutError({
      rpcUrl: listeningPort === undefined ? undefined : rpcUrlFor(host, listeningPort),
      timeoutMs: startTimeoutMs,
      lastAnswer,
      stderrTail: stderrTail.join('\n'),
    });
  const describeExit = (): PortInUseError | DevChainExitedError =>
    isAddressInUse
      ? new PortInUseError({ host, port })
      : new DevChainExitedError({
          exitCode: child.exitCode,
          signal: child.signalCode,
          stderrTail: stderrTail.join('\n'),
          cause: spawnError,
        });

  try {
    const rpcUrl = await new Promise<string>((resolve, reject) => {
      let isStarting = true;
      const settle = (finish: () => void): void => {
        if (!isStarting) return;
        isStarting = false;
        clearTimeout(startTimer);
        finish();
      };
      const startTimer = setTimeout(() => {
        settle(() => {
          reject(describeTimeout());
        });
      }, startTimeoutMs);
      // Give readline a moment to deliver the last stderr lines before describing the failure.
      void exited
        .then(() => sleep(20))
        .then(() => {
          settle(() => {
            reject(describeExit());
          });
        });
      void listening.then(async () => {
        const url = rpcUrlFor(host, listeningPort ?? port);
        while (isStarting) {
          lastAnswer = await readChainId(url);
          if (lastAnswer === `0x${chainId.toString(16)}`) {
            settle(() => {
              resolve(url);
            });
          } else {
            await sleep(pollIntervalMs);
          }
        }
      });
    });
    return { rpcUrl, chainId, port: listeningPort ?? port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The URL clients use: a wildcard bind is reached through loopback. */
function rpcUrlFor(host: string, port: number): string {
  const reachableHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const hostPart = reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost;
  return `http://${hostPart}:${String(port)}`;
}

async function readChainId(rpcUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { result?: unknown };
    return typeof body.result === 'string' ? body.result : JSON.stringify(body);
  } catch {
    return undefined;
  }
}

function withoutAnsiEscapes(line: string): string {
  return line.replace(/\u001b\[[0-9;]*m/g, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

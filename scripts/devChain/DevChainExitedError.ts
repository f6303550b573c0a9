import { TpError } from '../../shared/errors/TpError.ts';

export type DevChainExitedErrorParameters = {
  exitCode: number | null;
  signal: string | null;
  stderrTail: string;
  cause?: unknown;
};

/** The Hardhat child process ended (or never started) before its JSON-RPC server was ready. */
export class DevChainExitedError extends TpError {
  override name = 'DevChainExitedError';

  constructor({ exitCode, signal, stderrTail, cause }: DevChainExitedErrorParameters) {
    super({
      code: 'stack/dev-chain-exited',
      shortMessage: `The dev chain (hardhat node) exited before it was ready (${
        signal === null ? `exit code ${String(exitCode)}` : `signal ${signal}`
      }).`,
      details: { exitCode, signal, stderrTail },
      cause,
    });
  }
}

import { TpError } from '../../shared/errors/TpError.ts';

export type DevChainStartTimeoutErrorParameters = {
  rpcUrl: string | undefined;
  timeoutMs: number;
  lastAnswer: string | undefined;
  stderrTail: string;
};

/** The dev chain did not answer `eth_chainId` with 0x7a69 in time; the child has been stopped. */
export class DevChainStartTimeoutError extends TpError {
  override name = 'DevChainStartTimeoutError';

  constructor({ rpcUrl, timeoutMs, lastAnswer, stderrTail }: DevChainStartTimeoutErrorParameters) {
    super({
      code: 'stack/dev-chain-start-timeout',
      shortMessage: `The dev chain was not ready within ${timeoutMs} ms.`,
      details: { rpcUrl, timeoutMs, lastAnswer, stderrTail },
    });
  }
}

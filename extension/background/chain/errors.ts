import { TpError } from '../../../shared/errors/TpError.ts';

/** The errors the wallet's chain module throws; each `code` is stable and part of the API. */

/** No endpoint of the network gave a usable answer (down, too slow, wrong chain, malformed). */
export class RpcUnreachableError extends TpError {
  override name = 'RpcUnreachableError';
  override readonly code = 'chain/rpc-unreachable';

  constructor({
    rpcUrls,
    method,
    reason,
    cause,
  }: {
    rpcUrls: readonly string[];
    method?: string;
    reason?: string;
    cause?: unknown;
  }) {
    super({
      code: 'chain/rpc-unreachable',
      shortMessage:
        rpcUrls.length === 1
          ? 'The network did not answer: its RPC endpoint failed.'
          : `The network did not answer: all ${rpcUrls.length} RPC endpoints failed.`,
      details: {
        rpcUrls,
        ...(method === undefined ? {} : { method }),
        ...(reason === undefined ? {} : { reason }),
      },
      cause,
    });
  }
}

/** The node answered with an error (a revert, a rejected transaction, bad parameters…). */
export class ChainRpcError extends TpError {
  override name = 'ChainRpcError';
  override readonly code = 'chain/rpc-error';
  /** The node's JSON-RPC error code, when it sent one. */
  readonly rpcCode: number | undefined;
  /** The node's own message, unchanged. */
  readonly rpcMessage: string;
  readonly rpcData: unknown;

  constructor({
    method,
    rpcCode,
    rpcMessage,
    rpcData,
    cause,
  }: {
    method: string;
    rpcCode: number | undefined;
    rpcMessage: string;
    rpcData?: unknown;
    cause?: unknown;
  }) {
    super({
      code: 'chain/rpc-error',
      shortMessage: `The network refused ${method}: ${rpcMessage}`,
      details: {
        method,
        ...(rpcCode === undefined ? {} : { rpcCode }),
        rpcMessage,
        ...(rpcData === undefined ? {} : { rpcData }),
      },
      cause,
    });
    this.rpcCode = rpcCode;
    this.rpcMessage = rpcMessage;
    this.rpcData = rpcData;
  }
}

/** An RPC endpoint serves another chain than the one it was configured or offered for. */
export class ChainIdMismatchError extends TpError {
  override name = 'ChainIdMismatchError';
  override readonly code = 'chain/chain-id-mismatch';

  constructor({
    rpcUrl,
    expectedChainId,
    actualChainId,
  }: {
    rpcUrl: string;
    expectedChainId: number;
    actualChainId: bigint;
  }) {
    super({
      code: 'chain/chain-id-mismatch',
      shortMessage: `The RPC endpoint serves chain ${actualChainId}, not chain ${expectedChainId}.`,
      details: { rpcUrl, expectedChainId, actualChainId },
    });
  }
}

/** The chain client passes only read-only methods through; signing and sending go elsewhere. */
export class RpcMethodNotAllowedError extends TpError {
  override name = 'RpcMethodNotAllowedError';
  override readonly code = 'chain/method-not-allowed';

  constructor({ method }: { method: unknown }) {
    super({
      code: 'chain/method-not-allowed',
      shortMessage: 'This RPC method is not passed through to the network.',
      details: { method: typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})` },
    });
  }
}

/**
 * One endpoint failed as an endpoint (not as a node answering): down, HTTP error, timeout,
 * malformed answer, wrong chain, or set aside while cooling down. The chain client then tries
 * the next endpoint; callers only see it as the cause of `RpcUnreachableError`.
 */
export class EndpointFailedError extends TpError {
  override name = 'EndpointFailedError';
  override readonly code = 'chain/endpoint-failed';

  constructor({ rpcUrl, reason, cause }: { rpcUrl: string; reason: string; cause?: unknown }) {
    super({
      code: 'chain/endpoint-failed',
      shortMessage: `RPC endpoint failed: ${reason}.`,
      details: { rpcUrl, reason },
      cause,
    });
  }
}

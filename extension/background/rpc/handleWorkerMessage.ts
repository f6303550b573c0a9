import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { parseRpcRequest } from '../../../shared/protocol/parseRpcRequest.ts';
import type { RpcRequest, WorkerReply } from '../../../shared/protocol/walletMessages.ts';
import { resolveSenderOrigin } from './resolveSenderOrigin.ts';
import type { MessageSenderLike } from './resolveSenderOrigin.ts';

export type HandleWorkerMessageParameters = {
  readonly message: unknown;
  readonly sender: MessageSenderLike;
  /** Answers one checked request for one site (the origin comes from the browser). */
  readonly handle: (request: RpcRequest, origin: string) => Promise<unknown>;
};

/**
 * The service worker's entry for messages from content bridges: validate, resolve the origin from
 * the browser, dispatch, and turn every failure into an EIP-1193 error payload (never a throw,
 * so the page's promise always settles).
 */
export async function handleWorkerMessage({
  message,
  sender,
  handle,
}: HandleWorkerMessageParameters): Promise<WorkerReply> {
  try {
    if (
      typeof message !== 'object' ||
      message === null ||
      (message as { kind?: unknown }).kind !== 'rpc'
    ) {
      throw new ProviderRpcError('invalidRequest', 'Unknown message kind.');
    }
    const request = parseRpcRequest((message as { request?: unknown }).request);
    const origin = resolveSenderOrigin(sender);
    return { ok: true, result: await handle(request, origin) };
  } catch (error) {
    const rpcError = error instanceof ProviderRpcError ? error : toProviderRpcError(error);
    return { ok: false, error: rpcError.toPayload() };
  }
}

/** Typed errors from deeper layers (keyring, decoding) keep their message; the rest is internal. */
function toProviderRpcError(error: unknown): ProviderRpcError {
  const walked = error instanceof Error ? error : undefined;
  const code = (walked as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^(signing|mnemonic|keyring|chain|decode)\//.test(code)) {
    return new ProviderRpcError(
      'invalidParams',
      (walked as { shortMessage?: string }).shortMessage ?? 'Invalid request.',
      {
        reason: code,
      },
    );
  }
  if (code === 'wallet/locked')
    return new ProviderRpcError('unauthorized', 'The wallet is locked.');
  return new ProviderRpcError('internalError', 'The wallet failed to handle the request.');
}

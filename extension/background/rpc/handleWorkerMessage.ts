import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { parseRpcRequest } from '../../../shared/protocol/parseRpcRequest.ts';
import type { WorkerReply } from '../../../shared/protocol/walletMessages.ts';
import { handleRpcRequest } from './handleRpcRequest.ts';
import { resolveSenderOrigin } from './resolveSenderOrigin.ts';
import type { MessageSenderLike } from './resolveSenderOrigin.ts';

export type HandleWorkerMessageParameters = {
  readonly message: unknown;
  readonly sender: MessageSenderLike;
  readonly activeChainId: number;
};

/**
 * The service worker's entry for messages from content bridges: validate, resolve the origin from
 * the browser, dispatch, and turn every failure into an EIP-1193 error payload (never a throw,
 * so the page's promise always settles).
 */
export async function handleWorkerMessage({
  message,
  sender,
  activeChainId,
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
    const result = await handleRpcRequest({ request, origin, activeChainId });
    return { ok: true, result };
  } catch (error) {
    const rpcError =
      error instanceof ProviderRpcError
        ? error
        : new ProviderRpcError('internalError', 'The wallet failed to handle the request.');
    return { ok: false, error: rpcError.toPayload() };
  }
}

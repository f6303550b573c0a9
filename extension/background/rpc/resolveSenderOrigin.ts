import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';

/** The parts of `runtime.MessageSender` the origin is read from (filled in by the browser). */
export type MessageSenderLike = { readonly origin?: string; readonly url?: string };

/**
 * The requesting site, as the browser reports it for the frame that sent the message.
 * Trusted: `sender.origin` / `sender.url` (set by the browser). Not trusted: anything in the
 * message itself. Only http(s) origins are sites; opaque ("null") origins are refused.
 */
export function resolveSenderOrigin(sender: MessageSenderLike): string {
  const candidate =
    sender.origin ?? (sender.url === undefined ? undefined : safeOrigin(sender.url));
  if (candidate === undefined || candidate === 'null') {
    throw new ProviderRpcError('unauthorized', 'The request did not come from a web page origin.');
  }
  const url = safeUrl(candidate);
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ProviderRpcError('unauthorized', 'Only http and https pages can use the wallet.', {
      origin: candidate,
    });
  }
  return url.origin;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function safeOrigin(text: string): string | undefined {
  return safeUrl(text)?.origin;
}

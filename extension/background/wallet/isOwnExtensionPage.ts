import type { MessageSenderLike } from '../rpc/resolveSenderOrigin.ts';

/**
 * True only for this extension's own pages (popup, onboarding, approval windows). Content
 * scripts share the extension id but report the web page's URL, so the URL decides.
 * Trusted: the browser-filled sender and `extensionBaseUrl` (runtime.getURL('')).
 */
export function isOwnExtensionPage(
  sender: MessageSenderLike & { readonly id?: string },
  extensionBaseUrl: string,
): boolean {
  const base = new URL(extensionBaseUrl);
  // Compare scheme and host: URL.origin of a non-web scheme is "null" in some engines.
  const baseOrigin = `${base.protocol}//${base.host}`;
  if (sender.url === undefined || sender.id !== base.host) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const isSameExtension = url.protocol === base.protocol && url.host === base.host;
  return isSameExtension && (sender.origin === undefined || sender.origin === baseOrigin);
}

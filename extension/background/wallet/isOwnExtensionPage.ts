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
  if (sender.url === undefined) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const origin = sender.origin ?? url.origin;
  return url.origin === base.origin && origin === base.origin && sender.id === base.host;
}

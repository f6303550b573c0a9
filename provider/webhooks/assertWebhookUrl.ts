// Where the provider may send merchant-chosen POSTs. In production: https to a public host
// name or public IP literal only, no credentials in the URL. In development
// (`allowInsecureWebhookUrls`) also plain http, but only to this machine.
// Not covered here (see README "SSRF"): a public name that resolves to a private address;
// that needs a check at connect time, in the dispatcher's HTTP agent.
import { isIP } from 'node:net';
import { InvalidWebhookUrlError } from './errors.ts';
import { isPrivateAddress } from './isPrivateAddress.ts';

export type AssertWebhookUrlParameters = {
  url: string;
  /** Development only: accept `http://localhost`, `http://127.0.0.1`, `http://[::1]`. */
  allowInsecureWebhookUrls?: boolean;
};

/** The URL, normalized (`new URL(url).href`): what gets stored and called. */
export type AssertWebhookUrlReturnType = string;

export type AssertWebhookUrlErrorType = InvalidWebhookUrlError;

const privateSuffixes = ['.localhost', '.local', '.internal', '.home.arpa', '.lan'];

export function assertWebhookUrl({
  url,
  allowInsecureWebhookUrls = false,
}: AssertWebhookUrlParameters): AssertWebhookUrlReturnType {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidWebhookUrlError({ reason: 'it is not an absolute URL' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InvalidWebhookUrlError({ reason: 'only https URLs are accepted' });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InvalidWebhookUrlError({
      reason: 'it must not contain a user name or password (they would be logged)',
    });
  }
  const host = toBareHost(parsed.hostname);
  const isThisMachine = host === 'localhost' || host.endsWith('.localhost') || isLoopback(host);

  if (allowInsecureWebhookUrls) {
    if (parsed.protocol === 'http:' && !isThisMachine) {
      throw new InvalidWebhookUrlError({
        reason: 'plain http is accepted only for localhost, 127.0.0.1 and [::1] in development',
      });
    }
    return parsed.href;
  }
  if (parsed.protocol !== 'https:') {
    throw new InvalidWebhookUrlError({ reason: 'only https URLs are accepted' });
  }
  if (isThisMachine) {
    throw new InvalidWebhookUrlError({ reason: 'it points at the provider’s own machine' });
  }
  if (isPrivateAddress(host)) {
    throw new InvalidWebhookUrlError({ reason: 'it points at a private or reserved address' });
  }
  if (
    isIP(host) === 0 &&
    (!host.includes('.') || privateSuffixes.some((suffix) => host.endsWith(suffix)))
  ) {
    throw new InvalidWebhookUrlError({ reason: 'its host is not a public domain name' });
  }
  return parsed.href;
}

/** `[::1]` → `::1`, `Example.COM.` → `example.com`. */
function toBareHost(hostname: string): string {
  const unbracketed =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return unbracketed.toLowerCase().replace(/\.$/, '');
}

function isLoopback(host: string): boolean {
  const version = isIP(host);
  if (version === 4) return host.startsWith('127.');
  return version === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1');
}

import { createHmac } from 'node:crypto';

export type SignMoonPayUrlParameters = {
  /** The widget URL with every parameter set, `signature` not yet among them. */
  url: URL;
  /** The account's secret key (`sk_test_…` / `sk_live_…`). */
  secretKey: string;
};
export type SignMoonPayUrlReturnType = URL;

/*
 * MoonPay's URL signing (dev.moonpay.com, "URL signing"; the same as moonpay/moonpay-sign and
 * @moonpay/moonpay-node): HMAC-SHA256 keyed with the secret key over the URL's query string as
 * sent, leading "?" included, base64 (standard alphabet), appended last as `signature`,
 * URL-encoded. Whatever MoonPay reads must be in the signed string, so the signature goes last
 * and nothing may be added after signing.
 */

/** The same URL with `&signature=…` appended. */
export function signMoonPayUrl({
  url,
  secretKey,
}: SignMoonPayUrlParameters): SignMoonPayUrlReturnType {
  if (typeof secretKey !== 'string' || secretKey === '') {
    throw new TypeError('signMoonPayUrl needs the secret key');
  }
  if (url.searchParams.has('signature')) {
    throw new TypeError('the URL is signed already (it has a signature parameter)');
  }
  const signature = createHmac('sha256', secretKey).update(url.search).digest('base64');
  const signed = new URL(url.href);
  signed.search = `${url.search}&signature=${encodeURIComponent(signature)}`;
  return signed;
}

/** `0x` and 40 hex digits, any case (checksums are the wallet's business, not a payment's). */
export function isAddressText(value: unknown): value is `0x${string}` {
  return typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value);
}

import { randomBytes } from 'node:crypto';

export type CreateCheckoutIdReturnType = string;

/** `cs_…` (session) or `qt_…` (quote) + 32 hex digits: 128 random bits, guessing is hopeless. */
export function createCheckoutId(prefix: 'cs' | 'qt'): CreateCheckoutIdReturnType {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

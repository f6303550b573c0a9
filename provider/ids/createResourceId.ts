import { takeRandomHex } from './takeRandomHex.ts';

export type CreateResourceIdReturnType = string;

/**
 * `<prefix>_<32 hex digits>`: 128 random bits, so ids never collide in practice and reveal
 * neither counts nor times. Uniqueness is still enforced by each table's primary key.
 */
/**
 * Prefixes: checkout session, quote, payment, webhook endpoint, event, on-ramp quote and order,
 * subscription plan, subscription, subscription invoice.
 */
export function createResourceId(
  prefix: 'cs' | 'qt' | 'py' | 'we' | 'evt' | 'orq' | 'oro' | 'plan' | 'sub' | 'inv',
): CreateResourceIdReturnType {
  return `${prefix}_${takeRandomHex(16)}`;
}

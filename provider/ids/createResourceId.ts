import { randomBytes } from 'node:crypto';

export type CreateResourceIdReturnType = string;

/**
 * `<prefix>_<32 hex digits>`: 128 random bits, so ids never collide in practice and reveal
 * neither counts nor times. Uniqueness is still enforced by each table's primary key.
 */
/** Prefixes: checkout session, quote, webhook endpoint, event. */
export function createResourceId(prefix: 'cs' | 'qt' | 'we' | 'evt'): CreateResourceIdReturnType {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

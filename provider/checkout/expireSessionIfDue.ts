import type { DatabaseSession } from '../db/Database.ts';
import { applySessionEvent } from './applySessionEvent.ts';

export type ExpireSessionIfDueParameters = {
  /** An open transaction; the session's row is locked in it. */
  transaction: DatabaseSession;
  sessionId: string;
  now: Date;
};

/** Whether this call expired the session (and wrote `checkout.session.expired`). */
export type ExpireSessionIfDueReturnType = boolean;

/**
 * Expires the session if it is still open and `now` has reached `expires_at`. Checked under the
 * row lock, so a payment the watcher records meanwhile wins: a session whose payment is seen is
 * `pending` and does not expire.
 */
export async function expireSessionIfDue({
  transaction,
  sessionId,
  now,
}: ExpireSessionIfDueParameters): Promise<ExpireSessionIfDueReturnType> {
  const { rows } = await transaction.query<{ status: string; expires_at: Date }>(
    'select status, expires_at from checkout_sessions where id = $1 for update',
    [sessionId],
  );
  const row = rows[0];
  if (row === undefined || row.status !== 'open') return false;
  if (now.getTime() < row.expires_at.getTime()) return false;
  await applySessionEvent({ transaction, sessionId, event: { type: 'expire' }, now });
  return true;
}

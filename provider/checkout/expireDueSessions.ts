import type { Database } from '../db/Database.ts';
import { expireSessionIfDue } from './expireSessionIfDue.ts';

export type ExpireDueSessionsParameters = {
  db: Database;
  now: Date;
  /** Sessions per transaction. */
  limit: number;
};

/** How many sessions this call expired. */
export type ExpireDueSessionsReturnType = number;

/**
 * One batch of the expiry sweep: open sessions whose `expires_at` has passed become `expired`,
 * each with its `checkout.session.expired` event, in one transaction. Rows another process is
 * sweeping (or the watcher is paying) right now are skipped, not waited for
 * (`FOR UPDATE SKIP LOCKED`), so several provider processes may sweep the same database.
 */
export async function expireDueSessions({
  db,
  now,
  limit,
}: ExpireDueSessionsParameters): Promise<ExpireDueSessionsReturnType> {
  return db.transaction(async (transaction) => {
    const { rows } = await transaction.query<{ id: string }>(
      `select id from checkout_sessions
       where status = 'open' and expires_at <= $1
       order by expires_at
       limit $2
       for update skip locked`,
      [now, limit],
    );
    let expired = 0;
    for (const { id } of rows) {
      if (await expireSessionIfDue({ transaction, sessionId: id, now })) expired += 1;
    }
    return expired;
  });
}

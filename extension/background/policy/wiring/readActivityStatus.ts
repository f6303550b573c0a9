import type { ActivityStatus } from '../../../../shared/protocol/policyMessages.ts';
import type { Reservation } from '../Reservation.ts';
import type { ActivityRecord } from './openActivityLog.ts';

export type ReadActivityStatusReturnType = ActivityStatus;

/**
 * What became of a payment, read from the ledger, which the receipt tracker keeps current:
 * the log records a transaction once (when it is sent) and never has to be rewritten at 50
 * payments a second. Entries without a reservation, and signatures, keep their own status.
 */
export function readActivityStatus(
  record: ActivityRecord,
  reservation: Reservation | undefined,
): ReadActivityStatusReturnType {
  if (record.kind !== 'transaction' || reservation === undefined) return record.status;
  if (record.status !== 'pending' && record.status !== 'failed') return record.status;
  const hash = record.transactionHashes?.at(-1)?.toLowerCase();
  switch (reservation.status) {
    case 'settled':
      return reservation.settledHash?.toLowerCase() === hash ? 'confirmed' : 'replaced';
    case 'released':
      switch (reservation.releaseReason) {
        case 'reverted':
          return 'reverted';
        case 'dropped':
          return 'dropped';
        case 'replaced':
          return 'replaced';
        default:
          return 'failed';
      }
    case 'reserved':
      return record.status;
  }
}

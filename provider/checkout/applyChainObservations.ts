// The checkout side of payment detection: turns what the chain watcher agreed on (a quorum of
// RPC endpoints, provider/payments) into payments, session states and webhook events, in the
// watcher's own transaction. Trusted: the observations (already checked by the watcher) and the
// database. Not trusted: whoever sent the transfer — a reference proves nothing by itself, so the
// chain, token, recipient and amount are checked against the quote every time.
import type { Hex } from 'viem';
import type { DatabaseSession } from '../db/Database.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import type { ChainObservations, ObservedTransfer } from '../payments/ChainObservations.ts';
import type { PaymentsLogger } from '../payments/PaymentsLogger.ts';
import { silentPaymentsLogger } from '../payments/PaymentsLogger.ts';
import { applySessionEvent } from './applySessionEvent.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { findQuoteByReference } from './findQuoteByReference.ts';
import type { QuoteTerms } from './findQuoteByReference.ts';
import { findTransferMismatch } from './findTransferMismatch.ts';
import { listSessionPayments } from './listSessionPayments.ts';
import { summarizeSessionPayments } from './summarizeSessionPayments.ts';

export type ApplyChainObservationsParameters = {
  /** The watcher's transaction (the one that also moves its cursor). */
  transaction: DatabaseSession;
  observations: ChainObservations;
  /** Blocks (the payment's included) before a payment on this chain counts. At least 1. */
  requiredConfirmations: number;
  now: Date;
  /** Why a transfer was ignored, payments seen, confirmed, dropped. */
  log?: PaymentsLogger | undefined;
  /**
   * Called in the same transaction each time a confirmed payment moves a session to `settled`,
   * `overpaid` or `paid_late` (subscriptions start or renew there). Must be idempotent.
   */
  onSessionPaid?: OnSessionPaid | undefined;
};

export type OnSessionPaid = (
  transaction: DatabaseSession,
  session: CheckoutSessionRecord,
  now: Date,
) => Promise<unknown>;

const paidStatuses: ReadonlySet<string> = new Set(['settled', 'overpaid', 'paid_late']);

type AwaitingPaymentRow = {
  id: string;
  session_id: string;
  tx_hash: string;
  block_number: bigint;
  required_confirmations: number;
  confirmations: number;
  late: boolean;
};

/**
 * One watcher step on one chain, in three passes:
 *
 * 1. Each transfer whose reference is a quote's, and that pays that quote's chain, token and
 *    recipient, is recorded `seen` (once per transaction hash: a report of the same transaction
 *    in another block — a reorg re-included it — moves it there and makes a dropped one seen
 *    again). Its session takes `payment_seen` (open → pending). Any other transfer is ignored,
 *    with the reason logged.
 * 2. Seen payments in `removedBlocks` become `dropped`; a pending session left without a seen
 *    payment takes `payment_dropped` (back to open). A confirmed payment is never undone: its
 *    block leaving the chain means a reorg deeper than the confirmations, logged as an error.
 * 3. Every seen payment on the chain with `head − block + 1 ≥ required confirmations` becomes
 *    `confirmed`, and its session takes `payment_confirmed` with the outcome of all its confirmed
 *    payments (exact, under, over) and whether this one was late, oldest block first.
 *
 * Idempotent: applying the same observations again changes nothing and writes no event.
 */
export async function applyChainObservations({
  transaction,
  observations,
  requiredConfirmations,
  now,
  log = silentPaymentsLogger,
  onSessionPaid,
}: ApplyChainObservationsParameters): Promise<void> {
  const { chainId, head } = observations;
  for (const transfer of observations.transfers) {
    await recordTransfer({ transaction, transfer, head, requiredConfirmations, now, log });
  }
  if (observations.removedBlocks.length > 0) {
    await dropPaymentsInRemovedBlocks({
      transaction,
      chainId,
      blockHashes: observations.removedBlocks.map((block) => block.hash.toLowerCase()),
      now,
      log,
    });
  }
  await confirmPayments({ transaction, chainId, head, now, log, onSessionPaid });
}

async function recordTransfer({
  transaction,
  transfer,
  head,
  requiredConfirmations,
  now,
  log,
}: {
  transaction: DatabaseSession;
  transfer: ObservedTransfer;
  head: bigint;
  requiredConfirmations: number;
  now: Date;
  log: PaymentsLogger;
}): Promise<void> {
  const txHash = transfer.txHash.toLowerCase() as Hex;
  const about = { chainId: transfer.chainId, txHash, reference: transfer.reference };
  const quote = await findQuoteByReference({ db: transaction, reference: transfer.reference });
  if (quote === undefined) {
    log.info(about, 'transfer ignored: its reference is no quote’s');
    return;
  }
  const mismatch = findTransferMismatch({ transfer, quote });
  if (mismatch !== undefined) {
    log.warn(
      { ...about, quoteId: quote.id, sessionId: quote.sessionId, ...mismatch },
      `transfer ignored: it carries quote ${quote.id}'s reference but does not pay it (${mismatch.reason})`,
    );
    return;
  }

  // The session's row first, then the payment's: the same order as every other writer.
  await transaction.query('select 1 from checkout_sessions where id = $1 for update', [
    quote.sessionId,
  ]);
  const confirmations = confirmationsAt(head, transfer.blockNumber);
  const isLate = isLatePayment(transfer, quote);
  const existing = await transaction.query<{
    id: string;
    session_id: string;
    status: string;
    block_hash: string;
  }>(
    `select id, session_id, status, block_hash from checkout_payments
     where chain_id = $1 and tx_hash = $2 for update`,
    [transfer.chainId, txHash],
  );
  const payment = existing.rows[0];
  const blockHash = transfer.blockHash.toLowerCase();
  if (payment === undefined) {
    await transaction.query(
      `insert into checkout_payments
         (id, session_id, quote_id, chain_id, tx_hash, block_number, block_hash, block_time,
          from_address, amount, status, confirmations, required_confirmations, late,
          created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'seen', $11, $12, $13, $14, $14)`,
      [
        createResourceId('py'),
        quote.sessionId,
        quote.id,
        transfer.chainId,
        txHash,
        transfer.blockNumber,
        blockHash,
        transfer.blockTime,
        transfer.from,
        transfer.amount.toString(),
        confirmations,
        requiredConfirmations,
        isLate,
        now,
      ],
    );
    log.info(
      { ...about, sessionId: quote.sessionId, amount: transfer.amount.toString() },
      'payment seen',
    );
  } else if (payment.status === 'confirmed') {
    if (payment.block_hash !== blockHash) {
      log.error(
        { ...about, paymentId: payment.id, blockHash, previousBlockHash: payment.block_hash },
        'a confirmed payment was reported in another block: a reorg deeper than its confirmations; left as confirmed',
      );
    }
    return;
  } else if (payment.status === 'seen' && payment.block_hash === blockHash) {
    return;
  } else {
    await transaction.query(
      `update checkout_payments
       set status = 'seen', block_number = $2, block_hash = $3, block_time = $4,
           confirmations = $5, late = $6, updated_at = $7
       where id = $1`,
      [payment.id, transfer.blockNumber, blockHash, transfer.blockTime, confirmations, isLate, now],
    );
    log.info({ ...about, paymentId: payment.id, blockHash }, 'payment seen again in a new block');
  }
  await applySessionEvent({
    transaction,
    sessionId: quote.sessionId,
    event: { type: 'payment_seen' },
    now,
  });
}

async function dropPaymentsInRemovedBlocks({
  transaction,
  chainId,
  blockHashes,
  now,
  log,
}: {
  transaction: DatabaseSession;
  chainId: number;
  blockHashes: string[];
  now: Date;
  log: PaymentsLogger;
}): Promise<void> {
  const { rows } = await transaction.query<{ id: string; session_id: string; status: string }>(
    `select id, session_id, status from checkout_payments
     where chain_id = $1 and block_hash = any($2::text[]) and status <> 'dropped'
     order by session_id, seq`,
    [chainId, blockHashes],
  );
  const sessionIds = [...new Set(rows.map((row) => row.session_id))];
  for (const sessionId of sessionIds) {
    await transaction.query('select 1 from checkout_sessions where id = $1 for update', [
      sessionId,
    ]);
  }
  for (const row of rows) {
    if (row.status === 'confirmed') {
      log.error(
        { chainId, paymentId: row.id, sessionId: row.session_id },
        'the block of a confirmed payment left the chain: a reorg deeper than its confirmations; left as confirmed',
      );
      continue;
    }
    await transaction.query(
      `update checkout_payments set status = 'dropped', confirmations = 0, updated_at = $2
       where id = $1`,
      [row.id, now],
    );
    log.warn({ chainId, paymentId: row.id, sessionId: row.session_id }, 'payment dropped (reorg)');
  }
  for (const sessionId of sessionIds) {
    const { rows: state } = await transaction.query<{ status: string; seen: bigint }>(
      `select session.status,
         (select count(*) from checkout_payments payment
          where payment.session_id = session.id and payment.status = 'seen') as seen
       from checkout_sessions session where session.id = $1`,
      [sessionId],
    );
    const current = state[0];
    if (current?.status === 'pending' && current.seen === 0n) {
      await applySessionEvent({
        transaction,
        sessionId,
        event: { type: 'payment_dropped' },
        now,
      });
    }
  }
}

async function confirmPayments({
  transaction,
  chainId,
  head,
  now,
  log,
  onSessionPaid,
}: {
  transaction: DatabaseSession;
  chainId: number;
  head: bigint;
  now: Date;
  log: PaymentsLogger;
  onSessionPaid: OnSessionPaid | undefined;
}): Promise<void> {
  const { rows } = await transaction.query<AwaitingPaymentRow>(
    `select id, session_id, tx_hash, block_number, required_confirmations, confirmations, late
     from checkout_payments
     where chain_id = $1 and status = 'seen'
     order by block_number, seq`,
    [chainId],
  );
  for (const payment of rows) {
    const confirmations = confirmationsAt(head, payment.block_number);
    if (confirmations < payment.required_confirmations) {
      if (confirmations !== payment.confirmations) {
        await transaction.query(
          'update checkout_payments set confirmations = $2, updated_at = $3 where id = $1',
          [payment.id, confirmations, now],
        );
      }
      continue;
    }
    await transaction.query('select 1 from checkout_sessions where id = $1 for update', [
      payment.session_id,
    ]);
    await transaction.query(
      `update checkout_payments set status = 'confirmed', confirmations = $2, updated_at = $3
       where id = $1`,
      [payment.id, confirmations, now],
    );
    const payments = await listSessionPayments({
      db: transaction,
      sessionIds: [payment.session_id],
    });
    const { outcome } = summarizeSessionPayments({
      payments: payments.get(payment.session_id) ?? [],
    });
    if (outcome === undefined) throw new Error('a confirmed payment is missing from its session');
    const { session, previousStatus } = await applySessionEvent({
      transaction,
      sessionId: payment.session_id,
      event: { type: 'payment_confirmed', outcome, isLate: payment.late },
      now,
    });
    log.info(
      {
        chainId,
        txHash: payment.tx_hash,
        sessionId: payment.session_id,
        outcome,
        isLate: payment.late,
        from: previousStatus,
        to: session.status,
      },
      'payment confirmed',
    );
    if (session.status !== previousStatus && paidStatuses.has(session.status)) {
      await onSessionPaid?.(transaction, session, now);
    }
  }
}

/** Blocks on top of and including `blockNumber`; 0 when the head is (still) below it. */
function confirmationsAt(head: bigint, blockNumber: bigint): number {
  const confirmations = head - blockNumber + 1n;
  if (confirmations <= 0n) return 0;
  // Stored as int4; past any required count the exact number no longer matters.
  return confirmations > 1_000_000n ? 1_000_000 : Number(confirmations);
}

/** Dated (chain time) after the quote's expiry, or the session's, whichever comes first. */
function isLatePayment(transfer: ObservedTransfer, quote: QuoteTerms): boolean {
  const deadline = Math.min(quote.expiresAt.getTime(), quote.sessionExpiresAt.getTime());
  return transfer.blockTime.getTime() > deadline;
}

import type { Hex } from 'viem';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import type { PaymentsLogger } from '../payments/PaymentsLogger.ts';
import { silentPaymentsLogger } from '../payments/PaymentsLogger.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { findQuoteByReference } from './findQuoteByReference.ts';
import { findTransferMismatch } from './findTransferMismatch.ts';
import type { PaymentChain } from './PaymentChain.ts';

export type ReportPaymentParameters = {
  db: Database;
  /** The session the shopper's page reports for, read with the caller's key. */
  session: CheckoutSessionRecord;
  chainId: number;
  txHash: Hex;
  /** The chains this provider watches. */
  chains: ReadonlyMap<number, PaymentChain>;
  /** How long to wait for the watcher to record a matching transfer. */
  waitMs: number;
  log?: PaymentsLogger | undefined;
};

export type ReportPaymentReturnType = {
  /** The watcher has recorded it (now or before); false: valid, but not recorded yet. */
  isRecorded: boolean;
};

export type ReportPaymentErrorType = ApiError;

const recordedPollMs = 20;

/**
 * A widget's report of the transaction it sent: checked at once through the chain's quorum
 * reader against the session's quotes, then handed to the watcher (`poke`), which records it —
 * this function never writes a payment. Refusals (`ApiError`): `chain_not_accepted`,
 * `chain_unavailable`, `chain_no_quorum`, `transaction_not_found` (not mined yet: retry),
 * `transaction_failed`, `payment_reference_missing`, `transaction_not_a_transfer`,
 * `payment_mismatch` (another session's reference, or not the quoted chain, token, recipient),
 * `payment_already_used` (the transaction paid another session).
 */
export async function reportPayment({
  db,
  session,
  chainId,
  txHash: reportedHash,
  chains,
  waitMs,
  log = silentPaymentsLogger,
}: ReportPaymentParameters): Promise<ReportPaymentReturnType> {
  const txHash = reportedHash.toLowerCase() as Hex;
  if (!session.acceptedAssets.some((accepted) => accepted.chain_id === chainId)) {
    throw new ApiError({
      code: 'chain_not_accepted',
      message: `This checkout session takes no payment on chain ${chainId}.`,
      param: 'chain_id',
    });
  }
  const recordedFor = await findRecordedSession(db, chainId, txHash);
  if (recordedFor !== undefined) {
    if (recordedFor === session.id) return { isRecorded: true };
    throw new ApiError({
      code: 'payment_already_used',
      message: 'This transaction already paid another checkout session.',
      param: 'tx_hash',
    });
  }
  const chain = chains.get(chainId);
  if (chain === undefined) {
    throw new ApiError({
      code: 'chain_unavailable',
      message: `This provider does not watch chain ${chainId} at the moment.`,
      param: 'chain_id',
    });
  }

  const inspected = await chain.inspectTransaction(txHash).catch((error: unknown) => {
    log.error({ chainId, txHash, err: error }, 'inspecting a reported transaction failed');
    return { status: 'no_quorum' as const };
  });
  switch (inspected.status) {
    case 'not_found':
      throw new ApiError({
        code: 'transaction_not_found',
        message: 'No mined transaction with this hash on this chain (yet): try again shortly.',
        param: 'tx_hash',
      });
    case 'failed':
      throw new ApiError({
        code: 'transaction_failed',
        message: 'This transaction failed on chain: it paid nothing.',
        param: 'tx_hash',
      });
    case 'not_a_payment':
      throw inspected.reason === 'no_reference'
        ? new ApiError({
            code: 'payment_reference_missing',
            message: "This transaction does not end with a quote's 16-byte reference.",
            param: 'tx_hash',
          })
        : new ApiError({
            code: 'transaction_not_a_transfer',
            message: 'This transaction is neither an ERC-20 transfer nor a plain ETH transfer.',
            param: 'tx_hash',
          });
    case 'no_quorum':
      throw new ApiError({
        code: 'chain_no_quorum',
        message: "The chain's RPC endpoints do not agree on this transaction yet: try again.",
        param: 'tx_hash',
      });
    case 'transfer':
      break;
  }

  const { transfer } = inspected;
  const quote = await findQuoteByReference({ db, reference: transfer.reference });
  if (quote === undefined || quote.sessionId !== session.id) {
    throw new ApiError({
      code: 'payment_mismatch',
      message:
        quote === undefined
          ? "This transaction's reference is no quote's."
          : "This transaction carries the reference of another checkout session's quote.",
      param: 'tx_hash',
    });
  }
  const mismatch = findTransferMismatch({ transfer, quote });
  if (mismatch !== undefined) {
    throw new ApiError({
      code: 'payment_mismatch',
      message: describeMismatch(mismatch.reason, mismatch.expected, mismatch.actual),
      param: 'tx_hash',
    });
  }

  chain.poke();
  const deadline = performance.now() + waitMs;
  for (;;) {
    const recorded = await findRecordedSession(db, chainId, txHash);
    if (recorded !== undefined) return { isRecorded: true };
    if (performance.now() >= deadline) return { isRecorded: false };
    await new Promise((resolve) => setTimeout(resolve, recordedPollMs));
  }
}

async function findRecordedSession(
  db: Database,
  chainId: number,
  txHash: Hex,
): Promise<string | undefined> {
  const { rows } = await db.query<{ session_id: string }>(
    'select session_id from checkout_payments where chain_id = $1 and tx_hash = $2',
    [chainId, txHash],
  );
  return rows[0]?.session_id;
}

function describeMismatch(reason: string, expected: string, actual: string): string {
  switch (reason) {
    case 'wrong_chain':
      return `This transaction is on chain ${actual}; the quote is for chain ${expected}.`;
    case 'wrong_token':
      return `This transaction pays ${actual === 'native' ? 'the native coin' : `token ${actual}`}; the quote asks for ${expected === 'native' ? 'the native coin' : `token ${expected}`}.`;
    case 'wrong_recipient':
      return `This transaction pays ${actual}; the quote's recipient is ${expected}.`;
    default:
      return 'This transaction pays nothing.';
  }
}

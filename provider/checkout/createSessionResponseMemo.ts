import type { CheckoutSession } from '../../shared/providerApi/CheckoutSession.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import type { SessionAndPayments } from './readSessionAndPayments.ts';
import { toCheckoutSessionResponse } from './toCheckoutSessionResponse.ts';

export type SessionResponseMemo = {
  /** `toCheckoutSessionResponse` of `found` at `now`, built again only when it could differ. */
  respond(parameters: {
    found: SessionAndPayments;
    includeMetadata: boolean;
    now: Date;
  }): CheckoutSession;
};

export type CreateSessionResponseMemoParameters = {
  rates: Pick<RateBook, 'read' | 'version'>;
};

export type CreateSessionResponseMemoReturnType = SessionResponseMemo;

/*
 * Why: a polled session is answered thousands of times from the same stored state
 * (createSessionReadCache hands out the same object until the session changes), and pricing its
 * options (bigint division per asset) was a tenth of each read. The answer depends on that state,
 * on the key's kind (metadata) and, while the session is open, on the rates: it is kept per
 * state object and kind, and built again when the rate book's version changes, when a rate it
 * used reaches its `freshUntil` (it then reads as unavailable), or when the clock goes back.
 * The route still serialises it through its response schema each time.
 */

/** Session answers, remembered per stored state while the rates they show hold. */
export function createSessionResponseMemo({
  rates,
}: CreateSessionResponseMemoParameters): CreateSessionResponseMemoReturnType {
  type Entry = {
    rateVersion: number;
    madeAtMs: number;
    validUntilMs: number;
    withMetadata?: CheckoutSession;
    withoutMetadata?: CheckoutSession;
  };
  const entries = new WeakMap<SessionAndPayments, Entry>();

  function validUntilMs(found: SessionAndPayments): number {
    const { session } = found;
    if (session.status !== 'open') return Number.POSITIVE_INFINITY;
    let until = Number.POSITIVE_INFINITY;
    for (const { asset } of session.acceptedAssets) {
      const reading = rates.read(`${asset}/${session.currency}`);
      if (reading.status === 'ok') until = Math.min(until, reading.freshUntil.getTime());
    }
    return until;
  }

  return {
    respond({ found, includeMetadata, now }) {
      const nowMs = now.getTime();
      let entry = entries.get(found);
      if (
        entry === undefined ||
        entry.rateVersion !== rates.version ||
        nowMs > entry.validUntilMs ||
        nowMs < entry.madeAtMs
      ) {
        entry = {
          rateVersion: rates.version,
          madeAtMs: nowMs,
          validUntilMs: validUntilMs(found),
        };
        entries.set(found, entry);
      }
      const build = () =>
        toCheckoutSessionResponse({
          session: found.session,
          payments: found.payments,
          rates,
          includeMetadata,
        });
      if (includeMetadata) return (entry.withMetadata ??= build());
      return (entry.withoutMetadata ??= build());
    },
  };
}

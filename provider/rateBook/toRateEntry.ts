import type { RateEntry } from '../../shared/providerApi/RatesList.ts';
import type { Rate } from '../../shared/money/Rate.ts';
import { divideRounded } from '../../shared/money/divideRounded.ts';
import { formatAmount } from '../../shared/money/formatAmount.ts';
import type { RateReading } from './createRateBook.ts';

export type ToRateEntryReturnType = RateEntry;

const shownDecimals = 8;

/** A rate book reading as the API shows it: bigints as decimal strings, times as ISO. */
export function toRateEntry(reading: RateReading): ToRateEntryReturnType {
  const faultTolerance = Math.floor(Math.max(0, reading.sources.length - 1) / 3);
  const common = {
    pair: reading.pair,
    configured_sources: [...reading.sources],
    fault_tolerance: faultTolerance,
    quorum: 2 * faultTolerance + 1,
    refreshed_at: reading.refreshedAt?.toISOString() ?? null,
  };
  if (reading.status === 'unavailable') {
    return {
      ...common,
      status: 'unavailable',
      rate: null,
      value: null,
      sources: [],
      rejected: reading.rejected.map(({ source, reason, detail }) => ({ source, reason, detail })),
      spread_basis_points: null,
      age_ms: null,
      reason: reading.reason,
    };
  }
  const { aggregate } = reading;
  return {
    ...common,
    status: 'ok',
    rate: toWireRate(aggregate.rate),
    value: formatRateValue(aggregate.rate),
    sources: aggregate.sources.map((source) => ({
      source: source.source,
      rate: toWireRate(source.rate),
      observed_at: source.observedAt.toISOString(),
      assumptions: [...source.assumptions],
    })),
    rejected: aggregate.rejected.map(({ source, reason, detail }) => ({ source, reason, detail })),
    spread_basis_points: aggregate.spreadBasisPoints.toString(),
    age_ms: reading.ageMs,
    fault_tolerance: aggregate.faultTolerance,
    quorum: aggregate.quorum,
    reason: null,
  };
}

export function toWireRate(rate: Rate): { numerator: string; denominator: string } {
  return { numerator: rate.numerator.toString(), denominator: rate.denominator.toString() };
}

function formatRateValue(rate: Rate): string {
  const scaled = divideRounded(
    rate.numerator * 10n ** BigInt(shownDecimals),
    rate.denominator,
    'halfUp',
  );
  return formatAmount(scaled, { kind: 'crypto', symbol: 'RATE', decimals: shownDecimals });
}

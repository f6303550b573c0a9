/**
 * The presets a user picks per site. Amounts are in the wallet's fiat currency and default to
 * sizes that suit EUR, USD, GBP or CHF; for other currencies the settings page passes its own.
 */
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import type { Grant, Limit, PolicyPreset, SitePolicy } from './Policy.ts';

export type CreateSitePolicyParameters = {
  preset: Exclude<PolicyPreset, 'custom'>;
  /** ISO 4217 code of the wallet's currency. */
  currency: string;
  /** Minor units of `currency`; defaults per preset below. */
  perPayment?: bigint;
  perDay?: bigint;
  /** A site's grants survive a change of preset. */
  grants?: readonly Grant[];
};
export type CreateSitePolicyReturnType = SitePolicy;

/** In hundredths of a whole unit (2000 = 20.00), scaled to the currency's minor units. */
const defaults = {
  'trusted-shop': { perPayment: 2000n, perDay: 5000n },
  micropayments: { perPayment: 10n, perDay: 200n },
} as const;

/**
 * - ask ("Ask every time", the default for a new site): every request opens the approval window.
 * - trusted-shop: automatic up to a small amount per payment and per day, to recipients the site
 *   already paid; anything above asks.
 * - micropayments: a tiny cap per payment (metered, pay-per-use), a small one per day.
 * - subscriptions ("Subscriptions only"): only payments that fit a grant the user gave are made
 *   (automatically); any other payment is refused. Sign-in messages and the like still ask.
 */
export function createSitePolicy({
  preset,
  currency,
  perPayment,
  perDay,
  grants = [],
}: CreateSitePolicyParameters): CreateSitePolicyReturnType {
  const base = {
    preset,
    unprovable: 'confirm',
    limits: [],
    whenNotAllowed: 'block',
    confirmNewRecipients: false,
    grants,
  } as const;
  switch (preset) {
    case 'ask':
      return { ...base, payments: 'confirm' };
    case 'subscriptions':
      return { ...base, payments: 'block' };
    case 'trusted-shop':
    case 'micropayments': {
      const scale = 10n ** BigInt(fiatCurrency(currency).decimals);
      // Rounded up and at least one minor unit, so no currency turns a cap into "nothing".
      const toMinorUnits = (hundredths: bigint): bigint => {
        const scaled = (hundredths * scale + 99n) / 100n;
        return scaled > 0n ? scaled : 1n;
      };
      const limit = (window: Limit['window'], amount: bigint): Limit => ({
        window,
        unit: { kind: 'fiat' },
        amount,
        whenExceeded: 'confirm',
      });
      return {
        ...base,
        payments: 'auto',
        confirmNewRecipients: true,
        limits: [
          limit('transaction', perPayment ?? toMinorUnits(defaults[preset].perPayment)),
          limit('day', perDay ?? toMinorUnits(defaults[preset].perDay)),
        ],
      };
    }
  }
}

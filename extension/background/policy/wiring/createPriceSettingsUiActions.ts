/**
 * The Settings page's price actions (shared/protocol/walletUiMessages.ts): the wallet's fiat
 * currency and its price provider. Trusted: the controller and the network list. Not trusted:
 * every param (a UI message; the worker has checked it comes from the wallet's own pages).
 * A currency change with fiat caps set converts them at a rate the user confirmed (see
 * `PolicyController.setCurrency`); the suggested rate is only a suggestion, from the prices the
 * wallet has now, and says what it comes from.
 */
import { TpError } from '../../../../shared/errors/TpError.ts';
import { fiatCurrency } from '../../../../shared/money/fiatCurrency.ts';
import { parseRate } from '../../../../shared/money/parseRate.ts';
import type { Rate } from '../../../../shared/money/Rate.ts';
import type {
  PriceSettingsView,
  WalletUiActions,
} from '../../../../shared/protocol/walletUiMessages.ts';
import type { NetworkStore } from '../../dapp/NetworkStore.ts';
import { countFiatLimits } from '../countFiatLimits.ts';
import type { PolicyController } from './PolicyController.ts';

export type PriceSettingsUiActions = {
  readonly getPriceSettings: (
    params: Record<string, unknown>,
  ) => Promise<WalletUiActions['getPriceSettings']['result']>;
  readonly setPriceSettings: (
    params: Record<string, unknown>,
  ) => Promise<WalletUiActions['setPriceSettings']['result']>;
};

export type CreatePriceSettingsUiActionsParameters = {
  readonly controller: PolicyController;
  readonly networks: Pick<NetworkStore, 'list'>;
  readonly now: () => Date;
};
export type CreatePriceSettingsUiActionsReturnType = PriceSettingsUiActions;

/** Digits after the point of a suggested rate (1 EUR = 1.086956 USD). */
const suggestedRateDigits = 6;

export function createPriceSettingsUiActions({
  controller,
  networks,
  now,
}: CreatePriceSettingsUiActionsParameters): CreatePriceSettingsUiActionsReturnType {
  const view = async (convertTo: string | undefined): Promise<PriceSettingsView> => {
    await controller.ready();
    const { state } = controller;
    const stored = await controller.storedPriceSettings();
    const suggestedRate =
      convertTo === undefined || convertTo === state.currency
        ? undefined
        : await suggestRate(convertTo);
    return {
      currency: state.currency,
      ...(stored.providerUrl === undefined ? {} : { providerUrl: stored.providerUrl }),
      fiatLimitCount: countFiatLimits(state),
      ...(suggestedRate === undefined ? {} : { suggestedRate }),
    };
  };

  /** One unit of the wallet's currency in `to`, from an asset priced fresh in both. */
  const suggestRate = async (to: string): Promise<PriceSettingsView['suggestedRate']> => {
    const oldestAllowed = now().getTime() - controller.state.maxPriceAgeSeconds * 1000;
    const candidates: { rate: Rate; basis: string; isMarket: boolean }[] = [];
    for (const network of await networks.list()) {
      const inWallet = controller.prices(network).quotes;
      const inTarget = controller.prices(network, to).quotes;
      for (const [key, from] of inWallet) {
        const target = inTarget.get(key);
        if (target === undefined) continue;
        if (Math.min(from.observedAt, target.observedAt) < oldestAllowed) continue;
        candidates.push({
          // (to per asset) / (wallet currency per asset) = to per wallet-currency unit.
          rate: {
            numerator: target.rate.numerator * from.rate.denominator,
            denominator: target.rate.denominator * from.rate.numerator,
          },
          basis: from.symbol,
          // A stablecoin's price may be its peg; a market price says more about the two.
          isMarket: from.peg === undefined,
        });
      }
    }
    const best = candidates.find((candidate) => candidate.isMarket) ?? candidates[0];
    if (best === undefined) return undefined;
    return { to, rate: formatRate(best.rate), basis: best.basis };
  };

  return {
    getPriceSettings: async (params) =>
      view(
        params.convertTo === undefined ? undefined : readCurrency(params.convertTo, 'convertTo'),
      ),
    setPriceSettings: async (params) => {
      // Everything is read before anything changes: bad input changes nothing.
      const currency =
        params.currency === undefined ? undefined : readCurrency(params.currency, 'currency');
      const rate =
        params.conversionRate === undefined ? undefined : readConversionRate(params.conversionRate);
      const providerUrl =
        params.providerUrl === undefined ? undefined : readProviderUrl(params.providerUrl);
      await controller.ready();
      if (currency !== undefined)
        await controller.setCurrency({ currency, ...(rate === undefined ? {} : { rate }) });
      if (providerUrl !== undefined) {
        const { providerUrl: _previous, ...rest } = await controller.storedPriceSettings();
        await controller.setPriceSettings(providerUrl === null ? rest : { ...rest, providerUrl });
      }
      return view(undefined);
    },
  };
}

function readCurrency(value: unknown, param: string): string {
  if (typeof value === 'string' && value.length === 3) {
    try {
      return fiatCurrency(value).symbol;
    } catch {
      // Falls through to the error.
    }
  }
  throw invalid(param, `Expected "${param}" as an ISO 4217 currency code like "EUR".`);
}

function readConversionRate(value: unknown): Rate {
  if (typeof value === 'string' && value.length <= 40) {
    try {
      return parseRate(value);
    } catch {
      // Falls through to the error.
    }
  }
  throw invalid('conversionRate', 'Expected the rate as a positive decimal like 1.08.');
}

/** An http(s) origin (`https://pay.example`, a trailing slash allowed); '' or null: none. */
function readProviderUrl(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'string' && value.length <= 2048) {
    try {
      const url = new URL(value);
      const isOrigin =
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.username === '' &&
        url.password === '' &&
        url.pathname === '/' &&
        url.search === '' &&
        url.hash === '' &&
        (value === url.origin || value === `${url.origin}/`);
      if (isOrigin) return url.origin;
    } catch {
      // Falls through to the error.
    }
  }
  throw invalid(
    'providerUrl',
    'Expected the price provider as an http(s) origin like "https://pay.example".',
  );
}

function formatRate(rate: Rate): string {
  const scale = 10n ** BigInt(suggestedRateDigits);
  const scaled = (rate.numerator * scale) / rate.denominator;
  const whole = scaled / scale;
  const fraction = (scaled % scale)
    .toString()
    .padStart(suggestedRateDigits, '0')
    .replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

function invalid(param: string, message: string): TpError {
  return new TpError({ code: 'wallet/invalid-params', shortMessage: message, details: { param } });
}

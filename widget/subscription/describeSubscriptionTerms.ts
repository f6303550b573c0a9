import type { Plan } from '../../shared/providerApi/Plan.ts';
import type { SubscriptionGrant } from '../../shared/providerApi/Subscription.ts';
import { fillMessage } from '../i18n/fillMessage.ts';
import { formatAssetAmount } from '../i18n/formatAssetAmount.ts';
import { formatFiatPrice } from '../i18n/formatFiatPrice.ts';
import type { SubscriptionCatalog, SubscriptionMessageKey } from './SubscriptionCatalog.ts';

export type DescribeSubscriptionTermsParameters = {
  plan: Pick<
    Plan,
    | 'amount_minor'
    | 'currency'
    | 'interval'
    | 'interval_count'
    | 'trial_days'
    | 'cycles'
    | 'allowance_margin_percent'
  >;
  /** The allowance for the quote locked (null until a quote is). */
  grant: Pick<SubscriptionGrant, 'period_amount' | 'asset' | 'decimals' | 'start_time'> | null;
  catalog: SubscriptionCatalog;
  /** English, for keys a catalog lacks. */
  fallback: SubscriptionCatalog;
  locale: string;
  isolateValues: boolean;
  now: Date;
};
export type DescribeSubscriptionTermsReturnType = {
  /** "9.99 € per month" */
  readonly price: string;
  /** "first payment today", or the trial and the date of the first payment. */
  readonly schedule: string;
  /** "12 payments in all", for a plan with cycles. */
  readonly cycles: string | null;
  /** "…up to 11.94 USDC per month, to this merchant only." once a quote is locked. */
  readonly allowance: string | null;
  /** "That is the first payment plus 10%…" when the plan has a margin. */
  readonly margin: string | null;
};

const dayMs = 86_400_000;

/** The plan's terms in the shopper's language: what they pay, when, and the allowance asked for. */
export function describeSubscriptionTerms({
  plan,
  grant,
  catalog,
  fallback,
  locale,
  isolateValues,
  now,
}: DescribeSubscriptionTermsParameters): DescribeSubscriptionTermsReturnType {
  const t = (key: SubscriptionMessageKey, values?: Record<string, string | number>): string =>
    fillMessage(catalog[key] ?? fallback[key] ?? key, values, isolateValues);
  const count = plan.interval_count;
  const per =
    count === 1
      ? t(`per.${plan.interval}`)
      : t(`every.${plan.interval}`, { count: count.toLocaleString(locale) });
  const price = t('priceLine', {
    price: formatFiatPrice(plan.amount_minor, plan.currency, locale),
    per,
  });
  const firstPaymentAt =
    grant === null
      ? new Date(now.getTime() + plan.trial_days * dayMs)
      : new Date(grant.start_time * 1000);
  const schedule =
    plan.trial_days === 0
      ? t('firstPaymentToday')
      : t('trial', {
          days: plan.trial_days.toLocaleString(locale),
          date: firstPaymentAt.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
        });
  const cycles =
    plan.cycles === null ? null : t('cycles', { count: plan.cycles.toLocaleString(locale) });
  const allowance =
    grant === null
      ? null
      : t('allowance', {
          amount: formatAssetAmount({
            amount: BigInt(grant.period_amount),
            symbol: grant.asset,
            decimals: grant.decimals,
            locale,
          }),
          per,
        });
  const margin =
    grant === null || plan.allowance_margin_percent === 0
      ? null
      : t('margin', { percent: plan.allowance_margin_percent.toLocaleString(locale) });
  return { price, schedule, cycles, allowance, margin };
}

import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import { fiatCurrency, formatAmountForDisplay } from '../../../shared/money/index.ts';
import type { SubscriptionRenewalView } from '../../../shared/protocol/approvalMessages.ts';
import { readOrigin } from './readOrigin.ts';

export type DescribeRenewalParameters = {
  readonly t: Translator;
  readonly locale: Locale;
  /** The requesting site as the browser reported it (the subscription's origin). */
  readonly origin: string;
  /** For tests; the user's own time zone otherwise. */
  readonly timeZone?: string;
};

export type DescribeRenewalReturnType = {
  /** "Subscription renewal · shop.example · period 3 (due 7 Jan 2027)". */
  readonly title: string;
  /** "Fake Club, monthly · €9.99 per month", when the plan is known. */
  readonly plan?: string;
};

const perKeys: Readonly<
  Record<SubscriptionRenewalView['interval'], readonly [MessageKey, MessageKey]>
> = {
  day: ['subscriptions.per.day', 'subscriptions.every.day'],
  week: ['subscriptions.per.week', 'subscriptions.every.week'],
  month: ['subscriptions.per.month', 'subscriptions.every.month'],
  year: ['subscriptions.per.year', 'subscriptions.every.year'],
};

/**
 * The approval window's line naming a renewal the wallet's scheduler is paying: the site, the
 * period and when it fell due, then the plan and its price when the provider gave them.
 */
export function describeRenewal(
  renewal: SubscriptionRenewalView,
  { t, locale, origin, timeZone }: DescribeRenewalParameters,
): DescribeRenewalReturnType {
  const dueMs = Date.parse(renewal.dueAt);
  const title = t('approval.renewal.title', {
    site: readOrigin(origin).hostname,
    period: String(renewal.periodIndex),
    due: Number.isNaN(dueMs)
      ? renewal.dueAt
      : new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          ...(timeZone === undefined ? {} : { timeZone }),
        }).format(new Date(dueMs)),
  });
  const [perKey, everyKey] = perKeys[renewal.interval];
  const per =
    renewal.intervalCount === 1 ? t(perKey) : t(everyKey, { count: renewal.intervalCount });
  const price = renewal.price === undefined ? undefined : formatPrice(renewal.price, locale);
  const parts = [
    ...(renewal.planName === undefined ? [] : [renewal.planName]),
    ...(price === undefined ? [] : [`${price} ${per}`]),
  ];
  return parts.length === 0 ? { title } : { title, plan: parts.join(' · ') };
}

function formatPrice(
  price: NonNullable<SubscriptionRenewalView['price']>,
  locale: Locale,
): string | undefined {
  try {
    return formatAmountForDisplay(BigInt(price.amountMinor), fiatCurrency(price.currency), {
      locale,
    });
  } catch {
    // An unknown currency or a malformed amount: the plan's name still says what it is.
    return undefined;
  }
}

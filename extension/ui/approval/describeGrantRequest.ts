import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type { GrantRequestView } from '../../../shared/protocol/approvalMessages.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
import { formatUnixTime } from './formatUnixTime.ts';

export type DescribeGrantRequestParameters = {
  readonly grant: Pick<GrantRequestView, 'token' | 'periodSeconds' | 'endTime'> & {
    /** Base units, decimal string (what the user will give, possibly lowered). */
    readonly amount: string;
  };
  readonly site: string;
  readonly t: Translator;
  readonly locale: Locale;
  /** For tests; the user's own time zone otherwise. */
  readonly timeZone?: string;
};

const hour = 3600;
const day = 24 * hour;

/**
 * An ERC-7715 permission in plain words: "shop.example may take up to 10 USDC every 30 days
 * until 1 Jun 2026, 12:00". The amount is exact; the period is named as the site asked for it.
 */
export function describeGrantRequest({
  grant,
  site,
  t,
  locale,
  timeZone,
}: DescribeGrantRequestParameters): string {
  const amount = formatUnitAmount({
    amount: grant.amount,
    unit: { kind: 'token', ...grant.token },
    locale,
    t,
  });
  const date =
    grant.endTime === undefined
      ? undefined
      : formatUnixTime(String(grant.endTime), locale, timeZone);
  if (grant.periodSeconds === undefined)
    return date === undefined
      ? t('approval.grant.sentence.total', { site, amount })
      : t('approval.grant.sentence.totalUntil', { site, amount, date });
  const period = describeEvery(grant.periodSeconds, t);
  return date === undefined
    ? t('approval.grant.sentence.periodic', { site, amount, period })
    : t('approval.grant.sentence.periodicUntil', { site, amount, period, date });
}

function describeEvery(seconds: number, t: Translator): string {
  const exact: Readonly<Record<number, MessageKey>> = {
    [hour]: 'approval.grant.every.hour',
    [day]: 'approval.grant.every.day',
    [7 * day]: 'approval.grant.every.week',
  };
  const key = exact[seconds];
  if (key !== undefined) return t(key);
  if (seconds % day === 0) return t('approval.grant.every.days', { count: seconds / day });
  if (seconds % hour === 0) return t('approval.grant.every.hours', { count: seconds / hour });
  return t('approval.grant.every.seconds', { count: seconds });
}

import type { Translator } from '../../../shared/i18n/index.ts';

const hourSeconds = 3600;
const daySeconds = 24 * hourSeconds;

/**
 * An ERC-7715 period for people: "per day", "per week", "per 30 days", "in total" (a grant
 * without a period is one allowance for its whole life). Odd lengths are named in whole hours or
 * seconds rather than rounded to something the grant does not say.
 */
export function describeGrantPeriod(periodSeconds: number | undefined, t: Translator): string {
  if (periodSeconds === undefined) return t('policy.period.total');
  if (periodSeconds === hourSeconds) return t('policy.period.hour');
  if (periodSeconds === daySeconds) return t('policy.period.day');
  if (periodSeconds === 7 * daySeconds) return t('policy.period.week');
  if (periodSeconds % daySeconds === 0)
    return t('policy.period.days', { count: periodSeconds / daySeconds });
  if (periodSeconds % hourSeconds === 0)
    return t('policy.period.hours', { count: periodSeconds / hourSeconds });
  return t('policy.period.seconds', { count: periodSeconds });
}

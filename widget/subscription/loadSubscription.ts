import { rightToLeftLocales } from '../i18n/WidgetLocale.ts';
import type { WidgetLocale } from '../i18n/WidgetLocale.ts';
import type { SubscriptionView } from './createSubscriptionView.ts';
import type { requestSubscriptionAllowance } from './requestSubscriptionAllowance.ts';
import type { signStartTrial } from './signStartTrial.ts';
import type { readSubscriptionAnswer } from './readSubscriptionAnswer.ts';
import type { TrialPaymentRefusedError } from './TrialPaymentRefusedError.ts';
import type { SubscriptionCatalog } from './SubscriptionCatalog.ts';
import type { computeSubscriptionGrant } from '../../shared/subscriptions/computeSubscriptionGrant.ts';

export type LoadSubscriptionReturnType = {
  readonly view: SubscriptionView;
  readonly requestAllowance: typeof requestSubscriptionAllowance;
  readonly computeGrant: typeof computeSubscriptionGrant;
  readonly signStartTrial: typeof signStartTrial;
  readonly readSubscriptionAnswer: typeof readSubscriptionAnswer;
  readonly TrialPaymentRefusedError: typeof TrialPaymentRefusedError;
};

/**
 * The subscription part of the widget (terms, allowance request, the trial's signature) and its strings in `locale`:
 * chunks of their own, fetched only for `mode="subscription"`, so one-time checkouts never
 * download them.
 */
export async function loadSubscription(locale: WidgetLocale): Promise<LoadSubscriptionReturnType> {
  const [
    { createSubscriptionView },
    { requestSubscriptionAllowance },
    { computeSubscriptionGrant },
    { signStartTrial, readSubscriptionAnswer, TrialPaymentRefusedError },
    catalog,
    fallback,
  ] = await Promise.all([
    import('./createSubscriptionView.ts'),
    import('./requestSubscriptionAllowance.ts'),
    import('../../shared/subscriptions/computeSubscriptionGrant.ts'),
    import('./trialSteps.ts'),
    loadSubscriptionCatalog(locale),
    loadSubscriptionCatalog('en'),
  ]);
  return {
    view: createSubscriptionView({
      catalog,
      fallback,
      locale,
      isolateValues: rightToLeftLocales.has(locale),
    }),
    requestAllowance: requestSubscriptionAllowance,
    computeGrant: computeSubscriptionGrant,
    signStartTrial,
    readSubscriptionAnswer,
    TrialPaymentRefusedError,
  };
}

/** One `import()` per file, so the bundler splits each language apart. */
async function loadSubscriptionCatalog(locale: WidgetLocale): Promise<SubscriptionCatalog> {
  switch (locale) {
    case 'en':
      return (await import('../../locales/widget/subscription/en.json')).default;
    case 'zh-CN':
      return (await import('../../locales/widget/subscription/zh-CN.json')).default;
    case 'es':
      return (await import('../../locales/widget/subscription/es.json')).default;
    case 'de':
      return (await import('../../locales/widget/subscription/de.json')).default;
    case 'ja':
      return (await import('../../locales/widget/subscription/ja.json')).default;
    case 'ar':
      return (await import('../../locales/widget/subscription/ar.json')).default;
  }
}

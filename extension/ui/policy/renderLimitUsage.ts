import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { LimitUsageView } from '../../../shared/protocol/policyMessages.ts';
import { formatUnitAmount } from './formatUnitAmount.ts';
import { whenExceededLabels, windowLabels } from './policyLabels.ts';
import { renderUsageBar } from './renderUsageBar.ts';

export type RenderLimitUsageParameters = {
  readonly limit: LimitUsageView;
  readonly testId: string;
  readonly locale: Locale;
  readonly t: Translator;
};

/**
 * A cap with its usage (a bar) and what happens past it. A per-payment cap has no window to
 * fill, so it is one line of text.
 */
export function renderLimitUsage({
  limit,
  testId,
  locale,
  t,
}: RenderLimitUsageParameters): TemplateResult {
  const note = t('policy.usage.whenExceeded', {
    action: t(whenExceededLabels[limit.whenExceeded]),
  });
  if (limit.window === 'transaction') {
    return html`<div class="usage per-payment" data-testid=${testId} data-window="transaction">
      <div class="usage-head">
        <span class="usage-label">${t(windowLabels.transaction)}</span>
        <span class="usage-numbers"
          >${t('policy.usage.perPayment', {
            limit: formatUnitAmount({ amount: limit.limit, unit: limit.unit, locale, t }),
          })}</span
        >
      </div>
      <div class="usage-foot"><span></span><span>${note}</span></div>
    </div>`;
  }
  return renderUsageBar({
    label: t(windowLabels[limit.window]),
    used: limit.used,
    limit: limit.limit,
    remaining: limit.remaining,
    unit: limit.unit,
    isUnknown: limit.isUnknown,
    note,
    testId,
    locale,
    t,
  });
}

import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { AmountUnitView } from '../../../shared/protocol/policyMessages.ts';
import { computeUsage } from './computeUsage.ts';
import { formatUnitAmount } from './formatUnitAmount.ts';

export type RenderUsageBarParameters = {
  /** What the bar measures ("Per day"); also its accessible name. */
  readonly label: string;
  /** Base units of `unit`, decimal strings. */
  readonly used: string;
  readonly limit: string;
  readonly remaining: string;
  readonly unit: AmountUnitView;
  /** Some spending had no price: `used` is a lower bound. */
  readonly isUnknown?: boolean;
  /** A second line on the right ("Past it: Ask me", "This period ends …"). */
  readonly note?: string;
  readonly testId: string;
  readonly locale: Locale;
  readonly t: Translator;
};

/**
 * A cap or an allowance with how much of it is used: a progress bar whose accessible value is the
 * amounts in words ("€12.00 of €50.00 used"), the numbers above it and what is left below.
 */
export function renderUsageBar({
  label,
  used,
  limit,
  remaining,
  unit,
  isUnknown = false,
  note,
  testId,
  locale,
  t,
}: RenderUsageBarParameters): TemplateResult {
  const format = (amount: string) => formatUnitAmount({ amount, unit, locale, t });
  const usage = computeUsage({ used, limit });
  const values = { used: format(used), limit: format(limit) };
  const text = isUnknown ? t('policy.usage.unknown', values) : t('policy.usage.text', values);
  return html`
    <div
      class="usage"
      data-testid=${testId}
      data-level=${usage.level}
      data-percent=${usage.percent}
    >
      <div class="usage-head">
        <span class="usage-label">${label}</span>
        <span class="usage-numbers">${text}</span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label=${label}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${usage.percent}
        aria-valuetext=${text}
      >
        <div class="fill" style=${styleMap({ width: `${usage.percent}%` })}></div>
      </div>
      <div class="usage-foot">
        <span>${t('policy.usage.remaining', { remaining: format(remaining) })}</span>
        ${note === undefined ? nothing : html`<span>${note}</span>`}
      </div>
    </div>
  `;
}

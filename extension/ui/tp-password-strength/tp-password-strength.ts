import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey } from '../../../shared/i18n/index.ts';
import { estimatePasswordStrength } from '../passwordStrength.ts';
import type { PasswordStrengthLevel, PasswordWeakness } from '../passwordStrength.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { passwordStrengthStyles } from './tp-password-strength.styles.ts';

const levelKeys: Readonly<Record<PasswordStrengthLevel, MessageKey>> = {
  'too-short': 'strength.tooShort',
  weak: 'strength.weak',
  fair: 'strength.fair',
  good: 'strength.good',
  strong: 'strength.strong',
};
const weaknessKeys: Readonly<Record<PasswordWeakness, MessageKey>> = {
  common: 'strength.hint.common',
  sequence: 'strength.hint.sequence',
  repeat: 'strength.hint.repeat',
  year: 'strength.hint.year',
  'one-kind': 'strength.hint.oneKind',
};

/**
 * A four-segment meter with the estimated strength of `password` and one hint to improve it.
 * Nothing shows while the password is empty. `data-testid="password-strength"` with
 * `data-level` set to the level (too-short, weak, fair, good, strong).
 *
 * @csspart meter - The segmented bar.
 */
export class TpPasswordStrength extends LitElement {
  static override styles = [controlStyles, passwordStrengthStyles];

  @property() password = '';
  @property() locale: Locale = 'en';

  override render() {
    if (this.password === '') return html``;
    const t = createTranslator(this.locale);
    const { level, score, weaknesses } = estimatePasswordStrength(this.password);
    const label = t(levelKeys[level]);
    const firstWeakness = weaknesses[0];
    return html`
      <div class="strength" data-testid="password-strength" data-level=${level}>
        <div
          part="meter"
          class="meter level-${level}"
          role="meter"
          aria-label=${t('strength.label')}
          aria-valuemin="0"
          aria-valuemax="4"
          aria-valuenow=${score}
          aria-valuetext=${label}
        >
          ${[1, 2, 3, 4].map(
            (segment) => html`<span class=${segment <= score ? 'filled' : ''}></span>`,
          )}
        </div>
        <p class="hint" aria-live="polite">
          <span class="level">${t('strength.text', { level: label })}</span>
          ${firstWeakness === undefined ? '' : html` · ${t(weaknessKeys[firstWeakness])}`}
        </p>
      </div>
    `;
  }
}

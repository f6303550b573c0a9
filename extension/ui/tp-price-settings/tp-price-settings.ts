import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TpError } from '../../../shared/errors/TpError.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import { fiatCurrencyCodes } from '../../../shared/money/fiatCurrency.ts';
import type { PriceSettingsView } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { settingsStyles } from '../tp-settings/tp-settings.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';

type FormState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy' }
  | { readonly phase: 'done'; readonly messageKey: MessageKey }
  | { readonly phase: 'invalid'; readonly messageKey: MessageKey }
  | { readonly phase: 'error'; readonly error: unknown };

const idle: FormState = { phase: 'idle' };
const ratePattern = /^[0-9]{1,20}(\.[0-9]{1,18})?$/;

/**
 * Settings, "Currency and prices": the wallet's fiat currency and its price source (a TP
 * Provider). Caps are amounts in the wallet's currency, so picking another currency while
 * any are set shows how many, and asks for the rate to convert them at (suggested from the
 * prices the wallet has, and saying from which asset); nothing changes until the user confirms.
 * Without a provider the page says plainly that fiat-capped payments off the dev chain are
 * never automatic (nothing can be valued).
 *
 * Test hooks: `settings-currency`, `settings-conversion`, `settings-conversion-rate`,
 * `settings-currency-switch`, `settings-currency-status`, `settings-provider-url`,
 * `settings-provider-save`, `settings-provider-remove`, `settings-provider-status`,
 * `settings-no-provider`.
 */
export class TpPriceSettings extends LitElement {
  static override styles = [
    controlStyles,
    settingsStyles,
    css`
      /* The currency and the provider are two forms in one card: keep them apart. */
      form + form {
        margin-top: 16px;
        padding-top: 14px;
        border-top: 1px solid var(--tp-color-border, currentColor);
      }
      form > button.block {
        margin-top: 4px;
      }
    `,
  ];

  @property() locale: Locale = 'en';

  @state() private settings: PriceSettingsView | undefined;
  @state() private loadError: unknown;
  @state() private currencyDraft = '';
  @state() private rateDraft = '';
  @state() private currencyState: FormState = idle;
  @state() private providerDraft = '';
  @state() private providerState: FormState = idle;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.apply(await sendWalletRequest('getPriceSettings', {}));
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
    }
  }

  private apply(settings: PriceSettingsView): void {
    this.settings = settings;
    this.currencyDraft = settings.currency;
    this.providerDraft = settings.providerUrl ?? '';
    this.rateDraft = '';
  }

  override render() {
    const t = createTranslator(this.locale);
    return html`
      <section class="card" aria-labelledby="prices-title">
        <h3 id="prices-title">${t('settings.prices.title')}</h3>
        ${
          this.settings === undefined
            ? this.loadError === undefined
              ? html`<p class="hint">${t('common.loading')}</p>`
              : html`<p class="notice error" role="alert">
                  ${describeError(this.loadError, t, this.locale)}
                </p>`
            : html`${this.renderCurrency(t, this.settings)} ${this.renderProvider(t, this.settings)}`
        }
      </section>
    `;
  }

  private renderCurrency(t: Translator, settings: PriceSettingsView) {
    const isChanging = this.currencyDraft !== settings.currency;
    const needsRate = isChanging && settings.fiatLimitCount > 0;
    const suggestion =
      settings.suggestedRate?.to === this.currencyDraft ? settings.suggestedRate : undefined;
    const isBusy = this.currencyState.phase === 'busy';
    return html`
      <form @submit=${this.switchCurrency} novalidate>
        <div class="field">
          <label for="currency">${t('settings.prices.currency')}</label>
          <select
            id="currency"
            data-testid="settings-currency"
            aria-describedby="currency-hint"
            ?disabled=${isBusy}
            @change=${this.pickCurrency}
          >
            ${fiatCurrencyCodes.map(
              (code) =>
                html`<option value=${code} ?selected=${code === this.currencyDraft}>
                  ${code}
                </option>`,
            )}
          </select>
          <p class="hint" id="currency-hint">${t('settings.prices.currencyHint')}</p>
        </div>
        ${
          needsRate
            ? html`<div class="field" data-testid="settings-conversion">
                <p class="notice warning">
                  ${t('settings.prices.convertLead', {
                    count: settings.fiatLimitCount,
                    from: settings.currency,
                    to: this.currencyDraft,
                  })}
                </p>
                <label for="conversion-rate">
                  ${t('settings.prices.rateLabel', {
                    from: settings.currency,
                    to: this.currencyDraft,
                  })}
                </label>
                <input
                  id="conversion-rate"
                  data-testid="settings-conversion-rate"
                  inputmode="decimal"
                  autocomplete="off"
                  aria-describedby="conversion-rate-hint"
                  .value=${this.rateDraft}
                  ?disabled=${isBusy}
                  @input=${(event: Event) => {
                    this.rateDraft = (event.target as HTMLInputElement).value.trim();
                    this.currencyState = idle;
                  }}
                />
                <p class="hint" id="conversion-rate-hint">
                  ${
                    suggestion === undefined
                      ? t('settings.prices.rateUnknown')
                      : t('settings.prices.rateSuggested', { basis: suggestion.basis })
                  }
                </p>
              </div>`
            : nothing
        }
        ${this.renderFormState(this.currencyState, 'settings-currency-status', t)}
        ${
          isChanging
            ? html`<button
                class="primary block"
                type="submit"
                data-testid="settings-currency-switch"
                ?disabled=${isBusy || (needsRate && this.rateDraft === '')}
              >
                ${
                  isBusy
                    ? html`<span class="spinner" aria-label=${t('common.saving')}></span>`
                    : t(needsRate ? 'settings.prices.convert' : 'settings.prices.switch', {
                        to: this.currencyDraft,
                      })
                }
              </button>`
            : nothing
        }
      </form>
    `;
  }

  private renderProvider(t: Translator, settings: PriceSettingsView) {
    const isBusy = this.providerState.phase === 'busy';
    return html`
      <form @submit=${this.saveProvider} novalidate>
        <div class="field">
          <label for="provider-url">${t('settings.prices.provider')}</label>
          <div class="inline">
            <input
              id="provider-url"
              data-testid="settings-provider-url"
              type="url"
              inputmode="url"
              autocomplete="off"
              placeholder="https://pay.example"
              aria-describedby="provider-hint"
              .value=${this.providerDraft}
              ?disabled=${isBusy}
              @input=${(event: Event) => {
                this.providerDraft = (event.target as HTMLInputElement).value.trim();
                this.providerState = idle;
              }}
            />
            <button
              class="primary"
              type="submit"
              data-testid="settings-provider-save"
              ?disabled=${
                isBusy ||
                this.providerDraft === '' ||
                this.providerDraft === (settings.providerUrl ?? '')
              }
            >
              ${t('common.save')}
            </button>
          </div>
          <p class="hint" id="provider-hint">${t('settings.prices.providerHint')}</p>
        </div>
        ${
          settings.providerUrl === undefined
            ? html`<p class="notice warning" data-testid="settings-no-provider">
                ${t('settings.prices.noProvider')}
              </p>`
            : html`<button
                class="secondary block"
                type="button"
                data-testid="settings-provider-remove"
                ?disabled=${isBusy}
                @click=${this.removeProvider}
              >
                ${t('settings.prices.removeProvider')}
              </button>`
        }
        ${this.renderFormState(this.providerState, 'settings-provider-status', t)}
      </form>
    `;
  }

  private renderFormState(formState: FormState, testId: string, t: Translator) {
    switch (formState.phase) {
      case 'idle':
      case 'busy':
        return nothing;
      case 'done':
        return html`<p class="notice success" role="status" data-testid=${testId}>
          ${t(formState.messageKey, { currency: this.settings?.currency ?? '' })}
        </p>`;
      case 'invalid':
        return html`<p class="notice error" role="alert" data-testid=${testId}>
          ${t(formState.messageKey)}
        </p>`;
      case 'error':
        return html`<p class="notice error" role="alert" data-testid=${testId}>
          ${describeError(formState.error, t, this.locale)}
        </p>`;
    }
  }

  private readonly pickCurrency = async (event: Event): Promise<void> => {
    const currency = (event.target as HTMLSelectElement).value;
    this.currencyDraft = currency;
    this.currencyState = idle;
    this.rateDraft = '';
    const settings = this.settings;
    if (settings === undefined || currency === settings.currency || settings.fiatLimitCount === 0)
      return;
    try {
      const withSuggestion = await sendWalletRequest('getPriceSettings', { convertTo: currency });
      // The user may have picked yet another currency meanwhile.
      if (this.currencyDraft !== currency) return;
      this.settings = withSuggestion;
      this.rateDraft = withSuggestion.suggestedRate?.rate ?? '';
    } catch (error) {
      this.currencyState = { phase: 'error', error };
    }
  };

  private readonly switchCurrency = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const settings = this.settings;
    if (settings === undefined || this.currencyState.phase === 'busy') return;
    const needsRate = settings.fiatLimitCount > 0;
    if (needsRate && (!ratePattern.test(this.rateDraft) || /^[0.]+$/.test(this.rateDraft))) {
      this.currencyState = { phase: 'invalid', messageKey: 'settings.prices.rateInvalid' };
      return;
    }
    this.currencyState = { phase: 'busy' };
    try {
      this.apply(
        await sendWalletRequest('setPriceSettings', {
          currency: this.currencyDraft,
          ...(needsRate ? { conversionRate: this.rateDraft } : {}),
        }),
      );
      this.currencyState = {
        phase: 'done',
        messageKey: needsRate ? 'settings.prices.converted' : 'settings.prices.switched',
      };
    } catch (error) {
      this.currencyState = { phase: 'error', error };
    }
  };

  private readonly saveProvider = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.providerState.phase === 'busy') return;
    if (!isOrigin(this.providerDraft)) {
      this.providerState = { phase: 'invalid', messageKey: 'settings.prices.providerInvalid' };
      return;
    }
    await this.changeProvider(this.providerDraft);
  };

  private readonly removeProvider = async (): Promise<void> => {
    await this.changeProvider(null);
  };

  private async changeProvider(providerUrl: string | null): Promise<void> {
    this.providerState = { phase: 'busy' };
    try {
      this.apply(await sendWalletRequest('setPriceSettings', { providerUrl }));
      this.providerState = { phase: 'done', messageKey: 'settings.prices.providerSaved' };
    } catch (error) {
      this.providerState =
        error instanceof TpError && error.details.param === 'providerUrl'
          ? { phase: 'invalid', messageKey: 'settings.prices.providerInvalid' }
          : { phase: 'error', error };
    }
  }
}

/** What the worker accepts: an http(s) origin, a trailing slash allowed (it checks again). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

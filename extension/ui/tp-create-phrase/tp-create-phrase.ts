import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import { phraseLanguages } from '../../../shared/protocol/walletUiMessages.ts';
import type { PhraseLanguage } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { isSameWord } from '../phrase/isSameWord.ts';
import { pickConfirmationPositions } from '../phrase/pickConfirmationPositions.ts';
import { newPhraseWordCounts } from '../phrase/phraseWordCounts.ts';
import type { NewPhraseWordCount } from '../phrase/phraseWordCounts.ts';
import { splitPhrase } from '../phrase/splitPhrase.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { createPhraseStyles } from './tp-create-phrase.styles.ts';

export type PhraseReadyDetail = { readonly phrase: string; readonly language: PhraseLanguage };

type Stage = 'options' | 'show' | 'confirm';
const confirmationCount = 3;

/**
 * A new recovery phrase: pick its length (12 or 24 words) and word list, let the worker
 * generate it, show it as a numbered grid, and ask three randomly chosen words back before
 * the phrase is used.
 *
 * Test hooks: `word-count-12`, `word-count-24`, `phrase-language`, `generate-phrase`,
 * `phrase-word-<n>`, `phrase-written`, `phrase-options`, `confirm-word-input-<n>` (n = the
 * word's position), `confirm-words-submit`, `confirm-words-error`, `confirm-back`.
 *
 * @event tp-phrase-ready - The user wrote the phrase down and proved it; `detail.phrase`, `detail.language`.
 */
export class TpCreatePhrase extends LitElement {
  static override styles = [controlStyles, createPhraseStyles];

  @property() locale: Locale = 'en';
  /** A phrase generated earlier (coming back from the password step shows it again). */
  @property() phrase = '';
  @property() language: PhraseLanguage = 'en';
  @property({ type: Number }) wordCount: NewPhraseWordCount = 12;

  @state() private stage: Stage = 'options';
  @state() private isGenerating = false;
  @state() private error: unknown;
  @state() private positions: readonly number[] = [];
  @state() private answers: Readonly<Record<number, string>> = {};
  @state() private wrongPositions: readonly number[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('phrase') && this.phrase !== '' && this.stage === 'options') {
      this.stage = 'show';
    }
  }

  override render() {
    const t = createTranslator(this.locale);
    switch (this.stage) {
      case 'options':
        return this.renderChoices(t);
      case 'show':
        return this.renderPhrase(t);
      case 'confirm':
        return this.renderConfirm(t);
    }
  }

  private renderChoices(t: Translator) {
    return html`
      <h2>${t('create.options.title')}</h2>
      <p class="lead">${t('create.options.lead')}</p>
      <form @submit=${this.generate} novalidate>
        <fieldset class="field">
          <legend class="label">${t('create.options.wordCount')}</legend>
          <div class="segmented">
            ${newPhraseWordCounts.map(
              (count) => html`
                <label class="segment">
                  <input
                    type="radio"
                    name="word-count"
                    data-testid="word-count-${count}"
                    .value=${String(count)}
                    .checked=${this.wordCount === count}
                    ?disabled=${this.isGenerating}
                    @change=${() => {
                      this.wordCount = count;
                    }}
                  />
                  <span>${t('create.options.words', { count })}</span>
                </label>
              `,
            )}
          </div>
          <p class="hint">${t('create.options.wordCountHint')}</p>
        </fieldset>
        <div class="field">
          <label for="phrase-language">${t('phrase.language')}</label>
          <select
            id="phrase-language"
            data-testid="phrase-language"
            ?disabled=${this.isGenerating}
            @change=${(event: Event) => {
              this.language = (event.target as HTMLSelectElement).value as PhraseLanguage;
            }}
          >
            ${phraseLanguages.map(
              (language) =>
                html`<option
                  value=${language}
                  lang=${language}
                  ?selected=${language === this.language}
                >
                  ${t(`phraseLanguage.${language}`)}
                </option>`,
            )}
          </select>
          <p class="hint">${t('phrase.languageHint')}</p>
        </div>
        ${
          this.error === undefined
            ? nothing
            : html`<p class="notice error" role="alert" data-testid="generate-error">
                ${describeError(this.error, t, this.locale)}
              </p>`
        }
        <button
          class="primary block"
          type="submit"
          data-testid="generate-phrase"
          ?disabled=${this.isGenerating}
        >
          ${
            this.isGenerating
              ? html`<span class="spinner" aria-hidden="true"></span>${t('create.options.busy')}`
              : t('create.options.submit')
          }
        </button>
      </form>
    `;
  }

  private renderPhrase(t: Translator) {
    return html`
      <h2>${t('create.show.title')}</h2>
      <p class="lead">${t('create.show.lead')}</p>
      <p class="notice warning">${t('create.show.warning')}</p>
      <tp-word-grid
        .words=${splitPhrase(this.phrase)}
        label=${t('create.show.gridLabel')}
        lang=${this.language}
      ></tp-word-grid>
      <div class="buttons">
        <button
          class="ghost"
          data-testid="phrase-options"
          @click=${() => {
            this.stage = 'options';
          }}
        >
          ${t('create.show.otherOptions')}
        </button>
        <button class="primary" data-testid="phrase-written" @click=${this.startConfirmation}>
          ${t('create.show.written')}
        </button>
      </div>
    `;
  }

  private renderConfirm(t: Translator) {
    return html`
      <h2>${t('create.confirm.title')}</h2>
      <p class="lead">${t('create.confirm.lead')}</p>
      <form @submit=${this.confirm} novalidate>
        <div class="confirm-fields">
          ${this.positions.map((position) => {
            const isWrong = this.wrongPositions.includes(position);
            return html`
              <div class="field">
                <label for="confirm-word-${position}">
                  ${t('create.confirm.word', { position })}
                </label>
                <input
                  id="confirm-word-${position}"
                  data-testid="confirm-word-input-${position}"
                  autocomplete="off"
                  autocapitalize="off"
                  spellcheck="false"
                  lang=${this.language}
                  .value=${this.answers[position] ?? ''}
                  aria-invalid=${isWrong ? 'true' : 'false'}
                  @input=${(event: Event) => {
                    this.answers = {
                      ...this.answers,
                      [position]: (event.target as HTMLInputElement).value,
                    };
                    this.wrongPositions = this.wrongPositions.filter((wrong) => wrong !== position);
                  }}
                />
              </div>
            `;
          })}
        </div>
        ${
          this.wrongPositions.length === 0
            ? nothing
            : html`<p class="notice error" role="alert" data-testid="confirm-words-error">
                ${t('create.confirm.wrong', {
                  positions: new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(
                    this.wrongPositions.map((position) => `#${position}`),
                  ),
                })}
              </p>`
        }
        <div class="buttons">
          <button
            class="ghost"
            type="button"
            data-testid="confirm-back"
            @click=${() => {
              this.stage = 'show';
            }}
          >
            ${t('create.confirm.back')}
          </button>
          <button
            class="primary"
            type="submit"
            data-testid="confirm-words-submit"
            ?disabled=${this.positions.some((position) => (this.answers[position] ?? '').trim() === '')}
          >
            ${t('create.confirm.submit')}
          </button>
        </div>
      </form>
    `;
  }

  private readonly generate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.isGenerating) return;
    this.isGenerating = true;
    this.error = undefined;
    try {
      const { phrase } = await sendWalletRequest('generatePhrase', {
        wordCount: this.wordCount,
        language: this.language,
      });
      this.phrase = phrase;
      this.stage = 'show';
    } catch (error) {
      this.error = error;
    } finally {
      this.isGenerating = false;
    }
  };

  private readonly startConfirmation = (): void => {
    this.positions = pickConfirmationPositions({
      wordCount: splitPhrase(this.phrase).length,
      count: confirmationCount,
    });
    this.answers = {};
    this.wrongPositions = [];
    this.stage = 'confirm';
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
    });
  };

  private readonly confirm = (event: SubmitEvent): void => {
    event.preventDefault();
    const words = splitPhrase(this.phrase);
    this.wrongPositions = this.positions.filter(
      (position) => !isSameWord(this.answers[position] ?? '', words[position - 1] ?? ''),
    );
    if (this.wrongPositions.length > 0) return;
    emit(this, 'tp-phrase-ready', {
      phrase: this.phrase,
      language: this.language,
    } satisfies PhraseReadyDetail);
  };
}

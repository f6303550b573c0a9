import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TpError } from '../../../shared/errors/TpError.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import { phraseLanguages } from '../../../shared/protocol/walletUiMessages.ts';
import type { PhraseLanguage } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { importableWordCounts } from '../phrase/phraseWordCounts.ts';
import { splitPhrase } from '../phrase/splitPhrase.ts';
import { readUnknownWords } from '../readUnknownWords.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type { PhraseReadyDetail } from '../tp-create-phrase/tp-create-phrase.ts';
import { importPhraseStyles } from './tp-import-phrase.styles.ts';

/**
 * An existing recovery phrase, typed or pasted, with its word list. The worker validates it
 * when the wallet is created; its error comes back through `error` and shows here, with each
 * unknown word marked by position.
 *
 * Test hooks: `import-phrase`, `import-language`, `import-continue`, `import-error`,
 * `unknown-word-<position>`, `use-suggested-language`.
 *
 * @event tp-phrase-ready - The user entered a phrase; `detail.phrase`, `detail.language`.
 */
export class TpImportPhrase extends LitElement {
  static override styles = [controlStyles, importPhraseStyles];

  @property() locale: Locale = 'en';
  @property() phrase = '';
  @property() language: PhraseLanguage = 'en';
  /** The worker's refusal of this phrase (a `mnemonic/*` error), if any. */
  @property({ attribute: false }) error: unknown;

  /** The error as shown: it goes away once the user edits what it is about. */
  @state() private shownError: unknown;
  @state() private hasWordCountProblem = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('error')) this.shownError = this.error;
  }

  override render() {
    const t = createTranslator(this.locale);
    const unknownWords =
      this.shownError instanceof TpError && this.shownError.code === 'mnemonic/unknown-words'
        ? readUnknownWords(this.shownError.details)
        : [];
    const suggested =
      this.shownError instanceof TpError ? this.shownError.details.suggestedLanguage : undefined;
    const suggestedLanguage = phraseLanguages.find((language) => language === suggested);
    const wordCount = splitPhrase(this.phrase).length;
    const hasProblem = this.shownError !== undefined || this.hasWordCountProblem;
    return html`
      <h2>${t('import.title')}</h2>
      <p class="lead">${t('import.lead')}</p>
      <form @submit=${this.onSubmit} novalidate>
        <div class="field">
          <label for="import-phrase">${t('import.phrase')}</label>
          <textarea
            id="import-phrase"
            data-testid="import-phrase"
            rows="4"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            lang=${this.language}
            .value=${this.phrase}
            aria-invalid=${hasProblem ? 'true' : 'false'}
            aria-describedby="import-hint import-messages"
            @input=${(event: Event) => {
              this.phrase = (event.target as HTMLTextAreaElement).value;
              this.shownError = undefined;
              this.hasWordCountProblem = false;
            }}
          ></textarea>
          <p class="hint" id="import-hint">${t('import.hint', { count: wordCount })}</p>
        </div>
        <div class="field">
          <label for="import-language">${t('phrase.language')}</label>
          <select
            id="import-language"
            data-testid="import-language"
            @change=${(event: Event) => {
              this.language = (event.target as HTMLSelectElement).value as PhraseLanguage;
              this.shownError = undefined;
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
        </div>
        <div id="import-messages" aria-live="polite">
          ${
            this.hasWordCountProblem
              ? html`<p class="notice error" role="alert" data-testid="import-error">
                  ${t('error.phraseWordCount', { count: wordCount })}
                </p>`
              : nothing
          }
          ${
            this.shownError === undefined
              ? nothing
              : html`<div class="notice error" role="alert" data-testid="import-error">
                  <p>${describeError(this.shownError, t, this.locale)}</p>
                  ${
                    unknownWords.length === 0
                      ? nothing
                      : html`<ul class="unknown-words" aria-label=${t('import.unknownWordsLabel')}>
                          ${unknownWords.map(
                            ({ position, word }) =>
                              html`<li data-testid="unknown-word-${position}">
                                <span class="position">#${position}</span>
                                <span class="word mono">${word}</span>
                              </li>`,
                          )}
                        </ul>`
                  }
                  ${
                    suggestedLanguage === undefined || suggestedLanguage === this.language
                      ? nothing
                      : this.renderSuggestion(suggestedLanguage, t)
                  }
                </div>`
          }
        </div>
        <button
          class="primary block"
          type="submit"
          data-testid="import-continue"
          ?disabled=${wordCount === 0}
        >
          ${t('common.continue')}
        </button>
      </form>
    `;
  }

  private renderSuggestion(language: PhraseLanguage, t: Translator) {
    const name = t(`phraseLanguage.${language}`);
    return html`<p class="suggestion">
      ${t('import.suggestedLanguage', { language: name })}
      <button
        class="secondary small"
        type="button"
        data-testid="use-suggested-language"
        @click=${() => {
          this.language = language;
          this.shownError = undefined;
        }}
      >
        ${t('import.useLanguage', { language: name })}
      </button>
    </p>`;
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const words = splitPhrase(this.phrase);
    if (!importableWordCounts.includes(words.length)) {
      this.hasWordCountProblem = true;
      return;
    }
    emit(this, 'tp-phrase-ready', {
      phrase: words.join(' '),
      language: this.language,
    } satisfies PhraseReadyDetail);
  };
}

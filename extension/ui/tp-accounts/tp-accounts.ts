import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { AccountView } from '../../../shared/protocol/walletUiMessages.ts';
import { accountColor } from '../accountColor.ts';
import { checksumAddress } from '../checksumAddress.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { shortenAddress } from '../shortenAddress.ts';
import {
  editIcon,
  eyeIcon,
  eyeOffIcon,
  keyIcon,
  lockIcon,
  plusIcon,
  receiveIcon,
} from '../theme/icons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type { AccountAddedDetail } from '../tp-import-key/tp-import-key.ts';
import { activityIcon, sitesIcon, subscriptionsIcon } from '../policy/policyIcons.ts';
import type { KillSwitchChangedDetail } from '../tp-kill-switch/tp-kill-switch.ts';
import type { OpenPageDetail } from '../tp-popup/popupScreen.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { accountsStyles } from './tp-accounts.styles.ts';

type AccountsState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly accounts: readonly AccountView[] }
  | { readonly phase: 'error'; readonly error: unknown };

type RowAction = { readonly address: string; readonly kind: 'rename' | 'hide' };

/** The UI remembers which account was selected; the worker has no notion of it. */
const selectedAccountKey = 'tp-wallet.selected-account';

/**
 * The unlocked wallet: the selected account with its balances, every account (select, rename
 * inline, hide or show), add an account, import a private key, receive, and lock.
 *
 * Test hooks: `account-address` (the selected account; `data-address` holds the full address),
 * `account-row` (one per listed account, with `data-address`, `data-selected`), and inside it
 * `account-select`, `account-rename`, `account-hide`, `account-unhide`, `rename-input`,
 * `rename-save`, `rename-cancel`; `show-hidden`, `add-account`, `import-key`, `receive`,
 * `lock-now`, `accounts-error`, `open-sites`, `open-activity`; the compact `tp-kill-switch`.
 *
 * @event tp-locked - The user locked the wallet.
 * @event tp-open-page - The user opened the sites or the activity page; `detail.page`.
 * @event tp-account-selected - The selected account changed; `detail.address`.
 */
export class TpAccounts extends LitElement {
  static override styles = [controlStyles, accountsStyles];

  @property() locale: Locale = 'en';
  /** Shown on the receive screen, so people send on the right network. */
  @property() networkName = '';

  @state() private accountsState: AccountsState = { phase: 'loading' };
  @state() private selectedAddress = localStorage.getItem(selectedAccountKey) ?? '';
  @state() private showsHidden = false;
  @state() private view: 'home' | 'receive' | 'import-key' = 'home';
  @state() private renamingAddress: string | undefined;
  @state() private renameDraft = '';
  @state() private busy: RowAction | 'add' | 'lock' | undefined;
  @state() private actionError: unknown;
  /** The kill switch, once the wallet told it (undefined: not known, so not shown). */
  @state() private isFrozen: boolean | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadAccounts();
    void this.loadKillSwitch();
  }

  override render() {
    const t = createTranslator(this.locale);
    const current = this.accountsState;
    if (current.phase === 'loading') {
      return html`<p class="status" role="status" data-testid="accounts-loading">
        <span class="spinner" aria-hidden="true"></span>${t('accounts.loading')}
      </p>`;
    }
    if (current.phase === 'error') {
      return html`<div class="notice error" role="alert" data-testid="accounts-error">
          ${describeError(current.error, t, this.locale)}
        </div>
        <button class="secondary block" @click=${() => void this.loadAccounts()}>
          ${t('common.retry')}
        </button>`;
    }
    const selected = this.selectedAccount(current.accounts);
    if (this.view === 'receive' && selected !== undefined) {
      return html`<tp-receive
        .account=${selected}
        locale=${this.locale}
        networkName=${this.networkName}
        @tp-back=${this.showHome}
      ></tp-receive>`;
    }
    if (this.view === 'import-key') {
      return html`<tp-import-key
        locale=${this.locale}
        @tp-back=${this.showHome}
        @tp-account-added=${this.onAccountImported}
      ></tp-import-key>`;
    }
    return html`
      ${selected === undefined ? nothing : this.renderSelected(selected, t)} ${this.renderPages(t)}
      ${
        this.actionError === undefined
          ? nothing
          : html`<p class="notice error" role="alert" data-testid="accounts-error">
              ${describeError(this.actionError, t, this.locale)}
            </p>`
      }
      ${this.renderList(current.accounts, selected, t)}
      <div class="footer">
        <button
          class="secondary block"
          data-testid="lock-now"
          ?disabled=${this.busy !== undefined}
          @click=${this.lock}
        >
          ${this.busy === 'lock' ? html`<span class="spinner" aria-hidden="true"></span>` : lockIcon}
          ${t('accounts.lockNow')}
        </button>
      </div>
    `;
  }

  private renderSelected(account: AccountView, t: Translator) {
    const address = checksumAddress(account.address);
    return html`
      <section class="card selected" aria-label=${t('accounts.selected')}>
        <div class="selected-top">
          <div class="identity">
            <p class="account-name" data-testid="selected-account-name">
              ${account.name}
              ${
                account.kind === 'imported'
                  ? html`<span class="badge">${t('accounts.imported')}</span>`
                  : nothing
              }
            </p>
            <p
              class="address mono"
              data-testid="account-address"
              data-address=${address}
              title=${address}
            >
              ${shortenAddress(address)}
            </p>
          </div>
          <button
            class="secondary"
            data-testid="receive"
            @click=${() => {
              this.view = 'receive';
            }}
          >
            ${receiveIcon}${t('accounts.receive')}
          </button>
        </div>
        <tp-balances address=${account.address} locale=${this.locale}></tp-balances>
      </section>
    `;
  }

  private renderPages(t: Translator) {
    const open = (page: OpenPageDetail['page']) => () => {
      emit(this, 'tp-open-page', { page } satisfies OpenPageDetail);
    };
    return html`
      <nav class="pages" aria-label=${t('home.nav.label')}>
        <button class="secondary" data-testid="open-sites" @click=${open('sites')}>
          ${sitesIcon}${t('home.nav.sites')}
        </button>
        <button class="secondary" data-testid="open-activity" @click=${open('activity')}>
          ${activityIcon}${t('home.nav.activity')}
        </button>
        <button class="secondary" data-testid="open-subscriptions" @click=${open('subscriptions')}>
          ${subscriptionsIcon}${t('home.nav.subscriptions')}
        </button>
      </nav>
      ${
        this.isFrozen === undefined
          ? nothing
          : html`<tp-kill-switch
              compact
              locale=${this.locale}
              ?isFrozen=${this.isFrozen}
              @tp-kill-switch-changed=${(event: CustomEvent<KillSwitchChangedDetail>) => {
                this.isFrozen = event.detail.isFrozen;
              }}
            ></tp-kill-switch>`
      }
    `;
  }

  /** The kill switch's state for the home screen; if the wallet cannot say, the switch stays hidden. */
  private async loadKillSwitch(): Promise<void> {
    try {
      this.isFrozen = (await sendWalletRequest('listSites', {})).isFrozen;
    } catch {
      this.isFrozen = undefined;
    }
  }

  private renderList(
    accounts: readonly AccountView[],
    selected: AccountView | undefined,
    t: Translator,
  ) {
    const listed = accounts.filter((account) => this.showsHidden || !account.isHidden);
    const hiddenCount = accounts.filter((account) => account.isHidden).length;
    const visibleCount = accounts.length - hiddenCount;
    return html`
      <section class="accounts" aria-labelledby="accounts-title">
        <div class="section-heading">
          <h3 id="accounts-title">${t('accounts.title')}</h3>
          ${
            hiddenCount > 0 || this.showsHidden
              ? html`<label class="toggle">
                  <input
                    type="checkbox"
                    data-testid="show-hidden"
                    .checked=${this.showsHidden}
                    @change=${(event: Event) => {
                      this.showsHidden = (event.target as HTMLInputElement).checked;
                    }}
                  />
                  ${t('accounts.showHidden', { count: hiddenCount })}
                </label>`
              : nothing
          }
        </div>
        <ul>
          ${listed.map((account) =>
            this.renderRow(account, account.address === selected?.address, visibleCount, t),
          )}
        </ul>
        <div class="actions">
          <button
            class="ghost"
            data-testid="add-account"
            ?disabled=${this.busy !== undefined}
            @click=${this.addAccount}
          >
            ${this.busy === 'add' ? html`<span class="spinner" aria-hidden="true"></span>` : plusIcon}
            ${t('accounts.add')}
          </button>
          <button
            class="ghost"
            data-testid="import-key"
            ?disabled=${this.busy !== undefined}
            @click=${() => {
              this.actionError = undefined;
              this.view = 'import-key';
            }}
          >
            ${keyIcon}${t('accounts.importKey')}
          </button>
        </div>
      </section>
    `;
  }

  private renderRow(
    account: AccountView,
    isSelected: boolean,
    visibleCount: number,
    t: Translator,
  ) {
    const address = checksumAddress(account.address);
    const isLastVisible = !account.isHidden && visibleCount <= 1;
    const isBusy =
      typeof this.busy === 'object' && this.busy.address === account.address
        ? this.busy
        : undefined;
    if (this.renamingAddress === account.address) {
      return html`
        <li class="row renaming" data-testid="account-row" data-address=${address}>
          <form class="rename" @submit=${this.saveRename} @keydown=${this.onRenameKeydown}>
            <label class="visually-hidden" for="rename-input">${t('accounts.renameLabel')}</label>
            <input
              id="rename-input"
              data-testid="rename-input"
              maxlength="64"
              autocomplete="off"
              .value=${this.renameDraft}
              ?disabled=${isBusy !== undefined}
              @input=${(event: Event) => {
                this.renameDraft = (event.target as HTMLInputElement).value;
              }}
            />
            <button
              class="primary small"
              type="submit"
              data-testid="rename-save"
              ?disabled=${isBusy !== undefined || this.renameDraft.trim() === ''}
            >
              ${
                isBusy === undefined
                  ? t('common.save')
                  : html`<span class="spinner" aria-label=${t('common.saving')}></span>`
              }
            </button>
            <button
              class="ghost small"
              type="button"
              data-testid="rename-cancel"
              ?disabled=${isBusy !== undefined}
              @click=${this.cancelRename}
            >
              ${t('common.cancel')}
            </button>
          </form>
        </li>
      `;
    }
    return html`
      <li
        class="row ${isSelected ? 'is-selected' : ''} ${account.isHidden ? 'is-hidden' : ''}"
        data-testid="account-row"
        data-address=${address}
        data-selected=${isSelected ? 'true' : 'false'}
      >
        <button
          class="select"
          data-testid="account-select"
          aria-current=${isSelected ? 'true' : 'false'}
          ?disabled=${account.isHidden}
          @click=${() => {
            this.select(account.address);
          }}
        >
          <span
            class="avatar"
            aria-hidden="true"
            style=${styleMap({ background: accountColor(account.address) })}
            >${account.name.slice(0, 1).toUpperCase()}</span
          >
          <span class="row-text">
            <span class="row-name">
              ${account.name}
              ${account.isHidden ? html`<span class="badge">${t('accounts.hidden')}</span>` : nothing}
              ${
                account.kind === 'imported'
                  ? html`<span class="badge">${t('accounts.imported')}</span>`
                  : nothing
              }
            </span>
            <span class="row-address mono">${shortenAddress(address)}</span>
          </span>
        </button>
        <button
          class="icon-button"
          data-testid="account-rename"
          aria-label=${t('accounts.rename', { name: account.name })}
          title=${t('accounts.renameShort')}
          ?disabled=${this.busy !== undefined}
          @click=${() => {
            this.startRename(account);
          }}
        >
          ${editIcon}
        </button>
        <button
          class="icon-button"
          data-testid=${account.isHidden ? 'account-unhide' : 'account-hide'}
          aria-label=${
            account.isHidden
              ? t('accounts.unhide', { name: account.name })
              : t('accounts.hide', { name: account.name })
          }
          title=${
            account.isHidden
              ? t('accounts.unhideShort')
              : isLastVisible
                ? t('accounts.lastVisible')
                : t('accounts.hideShort')
          }
          ?disabled=${this.busy !== undefined || isLastVisible}
          @click=${() => void this.setHidden(account, !account.isHidden)}
        >
          ${
            isBusy?.kind === 'hide'
              ? html`<span class="spinner" aria-hidden="true"></span>`
              : account.isHidden
                ? eyeIcon
                : eyeOffIcon
          }
        </button>
      </li>
    `;
  }

  /** The remembered account if it is still listed and visible, else the first visible one. */
  private selectedAccount(accounts: readonly AccountView[]): AccountView | undefined {
    const visible = accounts.filter((account) => !account.isHidden);
    return (
      visible.find((account) => account.address === this.selectedAddress) ??
      visible[0] ??
      accounts[0]
    );
  }

  private select(address: string): void {
    if (address === this.selectedAddress) return;
    this.selectedAddress = address;
    localStorage.setItem(selectedAccountKey, address);
    emit(this, 'tp-account-selected', { address });
  }

  private async loadAccounts(): Promise<void> {
    this.accountsState = { phase: 'loading' };
    try {
      const { accounts } = await sendWalletRequest('listAccounts', { includeHidden: true });
      this.accountsState = { phase: 'ready', accounts };
    } catch (error) {
      this.accountsState = { phase: 'error', error };
    }
  }

  private replaceAccount(account: AccountView): void {
    if (this.accountsState.phase !== 'ready') return;
    const accounts = this.accountsState.accounts;
    const exists = accounts.some((candidate) => candidate.address === account.address);
    this.accountsState = {
      phase: 'ready',
      accounts: exists
        ? accounts.map((candidate) => (candidate.address === account.address ? account : candidate))
        : [...accounts, account],
    };
  }

  private readonly showHome = (): void => {
    this.view = 'home';
  };

  private readonly onAccountImported = (event: CustomEvent<AccountAddedDetail>): void => {
    this.replaceAccount(event.detail.account);
    this.select(event.detail.account.address);
    this.view = 'home';
  };

  private readonly addAccount = async (): Promise<void> => {
    this.busy = 'add';
    this.actionError = undefined;
    try {
      const { account } = await sendWalletRequest('addAccount', {});
      this.replaceAccount(account);
      this.select(account.address);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = undefined;
    }
  };

  private startRename(account: AccountView): void {
    this.actionError = undefined;
    this.renamingAddress = account.address;
    this.renameDraft = account.name;
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#rename-input');
      input?.focus();
      input?.select();
    });
  }

  private readonly cancelRename = (): void => {
    const address = this.renamingAddress;
    this.renamingAddress = undefined;
    this.actionError = undefined;
    void this.updateComplete.then(() => {
      this.focusRowButton(address, 'account-rename');
    });
  };

  private readonly onRenameKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelRename();
    }
  };

  private readonly saveRename = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const address = this.renamingAddress;
    const name = this.renameDraft.trim();
    if (address === undefined || name === '' || this.busy !== undefined) return;
    this.busy = { address, kind: 'rename' };
    this.actionError = undefined;
    try {
      const { account } = await sendWalletRequest('renameAccount', { address, name });
      this.replaceAccount(account);
      this.renamingAddress = undefined;
      await this.updateComplete;
      this.focusRowButton(address, 'account-rename');
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = undefined;
    }
  };

  private async setHidden(account: AccountView, isHidden: boolean): Promise<void> {
    this.busy = { address: account.address, kind: 'hide' };
    this.actionError = undefined;
    try {
      const result = await sendWalletRequest('hideAccount', {
        address: account.address,
        isHidden,
      });
      this.replaceAccount(result.account);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = undefined;
    }
  }

  private readonly lock = async (): Promise<void> => {
    this.busy = 'lock';
    this.actionError = undefined;
    try {
      await sendWalletRequest('lock', {});
      emit(this, 'tp-locked', null);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = undefined;
    }
  };

  private focusRowButton(address: string | undefined, testId: string): void {
    if (address === undefined) return;
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('[data-testid="account-row"]');
    for (const row of rows) {
      if (row.dataset.address?.toLowerCase() === address.toLowerCase()) {
        row.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
      }
    }
  }
}

import type { WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';

/** The pages of the unlocked popup: home (the accounts), settings, sites and activity. */
export type PopupPage = 'home' | 'settings' | 'sites' | 'activity' | 'subscriptions';

export type PopupScreen =
  'loading' | 'welcome' | 'unlock' | 'accounts' | Exclude<PopupPage, 'home'>;

/** `tp-open-page`'s detail: a page to show, and the site it opens on (a site's detail, or the activity filtered to it). */
export type OpenPageDetail = {
  readonly page: PopupPage;
  readonly origin?: string;
};

/** Which screen the popup shows: the vault's lock state decides; the other pages only when unlocked. */
export function popupScreen(status: WalletStatus | undefined, page: PopupPage): PopupScreen {
  if (status === undefined) return 'loading';
  switch (status.lockState) {
    case 'uninitialized':
      return 'welcome';
    case 'locked':
      return 'unlock';
    case 'unlocked':
      return page === 'home' ? 'accounts' : page;
  }
}

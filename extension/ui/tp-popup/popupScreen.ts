import type { WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';

export type PopupScreen = 'loading' | 'welcome' | 'unlock' | 'accounts' | 'settings';

/** Which screen the popup shows: the vault's lock state decides; settings only when unlocked. */
export function popupScreen(
  status: WalletStatus | undefined,
  isSettingsOpen: boolean,
): PopupScreen {
  if (status === undefined) return 'loading';
  switch (status.lockState) {
    case 'uninitialized':
      return 'welcome';
    case 'locked':
      return 'unlock';
    case 'unlocked':
      return isSettingsOpen ? 'settings' : 'accounts';
  }
}

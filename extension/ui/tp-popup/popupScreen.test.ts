import { describe, expect, it } from 'vitest';
import type { WalletLockState, WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import { popupScreen } from './popupScreen.ts';

const statusWith = (lockState: WalletLockState): WalletStatus => ({
  lockState,
  autoLockMinutes: 15,
  isDefaultWallet: false,
  failedUnlockAttempts: 0,
  retryAfterMs: 0,
  network: { chainId: 31337, name: 'TP Pay dev chain', rpcUrl: 'http://127.0.0.1:8545' },
});

describe('popupScreen', () => {
  it('waits for the status before showing anything', () => {
    expect(popupScreen(undefined, 'home')).toBe('loading');
  });

  it('routes by lock state', () => {
    expect(popupScreen(statusWith('uninitialized'), 'home')).toBe('welcome');
    expect(popupScreen(statusWith('locked'), 'home')).toBe('unlock');
    expect(popupScreen(statusWith('unlocked'), 'home')).toBe('accounts');
  });

  it('opens the settings only while unlocked', () => {
    expect(popupScreen(statusWith('unlocked'), 'settings')).toBe('settings');
    expect(popupScreen(statusWith('locked'), 'settings')).toBe('unlock');
    expect(popupScreen(statusWith('uninitialized'), 'settings')).toBe('welcome');
  });

  it('opens the sites and the activity only while unlocked', () => {
    expect(popupScreen(statusWith('unlocked'), 'sites')).toBe('sites');
    expect(popupScreen(statusWith('unlocked'), 'activity')).toBe('activity');
    expect(popupScreen(statusWith('locked'), 'sites')).toBe('unlock');
    expect(popupScreen(statusWith('locked'), 'activity')).toBe('unlock');
  });
});

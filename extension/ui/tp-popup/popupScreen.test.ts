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
    expect(popupScreen(undefined, false)).toBe('loading');
  });

  it('routes by lock state', () => {
    expect(popupScreen(statusWith('uninitialized'), false)).toBe('welcome');
    expect(popupScreen(statusWith('locked'), false)).toBe('unlock');
    expect(popupScreen(statusWith('unlocked'), false)).toBe('accounts');
  });

  it('opens the settings only while unlocked', () => {
    expect(popupScreen(statusWith('unlocked'), true)).toBe('settings');
    expect(popupScreen(statusWith('locked'), true)).toBe('unlock');
    expect(popupScreen(statusWith('uninitialized'), true)).toBe('welcome');
  });
});

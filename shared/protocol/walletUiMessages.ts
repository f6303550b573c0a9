/**
 * Messages between the wallet's own pages (popup, onboarding tab) and its service worker.
 * The worker accepts them only from this extension's pages (checked from the browser's sender
 * information); a content script or web page can never reach these actions.
 * Amounts cross as decimal strings of base units; the UI formats them with shared/money.
 */

import type { ApprovalDecision, ApprovalRequest } from './approvalMessages.ts';

export const phraseLanguages = [
  'en',
  'zh-Hans',
  'zh-Hant',
  'es',
  'ja',
  'ko',
  'fr',
  'it',
  'cs',
  'pt',
] as const;
export type PhraseLanguage = (typeof phraseLanguages)[number];

export type WalletLockState = 'uninitialized' | 'locked' | 'unlocked';

export type WalletStatus = {
  readonly lockState: WalletLockState;
  readonly autoLockMinutes: number;
  /** Whether TP Wallet takes `window.ethereum` even when another wallet set it first. */
  readonly isDefaultWallet: boolean;
  /** Wrong passwords in a row; the counter survives a worker restart. */
  readonly failedUnlockAttempts: number;
  /** When locked out after too many wrong passwords: how long until the next try is allowed. */
  readonly retryAfterMs: number;
  readonly network: { readonly chainId: number; readonly name: string; readonly rpcUrl: string };
};

export type AccountView = {
  readonly address: `0x${string}`;
  readonly name: string;
  readonly kind: 'hd' | 'imported';
  readonly index: number;
  readonly isHidden: boolean;
};

export type BalanceView = {
  readonly symbol: string;
  readonly decimals: number;
  /** Base units, decimal string. */
  readonly value: string;
  /** Undefined for the chain's native currency. */
  readonly tokenAddress?: `0x${string}`;
};

/** Each action: what the page sends and what the worker answers. */
export type WalletUiActions = {
  status: { params: Record<string, never>; result: WalletStatus };
  generatePhrase: {
    params: { wordCount: 12 | 24; language: PhraseLanguage };
    result: { phrase: string };
  };
  /** Creates the vault from a new or imported phrase, then unlocks it. */
  createWallet: {
    params: { phrase: string; language: PhraseLanguage; password: string };
    result: { accounts: AccountView[] };
  };
  unlock: { params: { password: string }; result: { accounts: AccountView[] } };
  lock: { params: Record<string, never>; result: null };
  listAccounts: { params: { includeHidden?: boolean }; result: { accounts: AccountView[] } };
  addAccount: { params: { name?: string }; result: { account: AccountView } };
  renameAccount: { params: { address: string; name: string }; result: { account: AccountView } };
  hideAccount: { params: { address: string; isHidden: boolean }; result: { account: AccountView } };
  importPrivateKey: {
    params: { privateKey: string; name?: string };
    result: { account: AccountView };
  };
  getBalances: { params: { address: string }; result: { balances: BalanceView[] } };
  revealPhrase: {
    params: { password: string };
    result: { phrase: string; language: PhraseLanguage };
  };
  changePassword: { params: { currentPassword: string; newPassword: string }; result: null };
  setAutoLock: { params: { minutes: number }; result: null };
  setDefaultWallet: { params: { isDefault: boolean }; result: null };
  /** The approval window: pending site requests, oldest first. */
  listApprovals: { params: Record<string, never>; result: { approvals: ApprovalRequest[] } };
  resolveApproval: { params: { id: string; decision: ApprovalDecision }; result: null };
};

export type WalletUiAction = keyof WalletUiActions;

export type WalletUiRequest = {
  [Action in WalletUiAction]: {
    readonly kind: 'ui';
    readonly action: Action;
    readonly params: WalletUiActions[Action]['params'];
  };
}[WalletUiAction];

/** Errors reach the page as data: `code` is the TpError code (`vault/wrong-password-or-tampered`). */
export type WalletUiError = {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

export type WalletUiReply<Action extends WalletUiAction = WalletUiAction> =
  | { readonly ok: true; readonly result: WalletUiActions[Action]['result'] }
  | { readonly ok: false; readonly error: WalletUiError };

/** Bounds on auto-lock (minutes): chrome.alarms fires at most every 30 s; a day at most. */
/** storage.local key the content bridge reads (not secret) to know whether to take window.ethereum. */
export const defaultWalletStorageKey = 'isDefaultWallet';

export const autoLockMinutesRange = { minimum: 1, maximum: 1440, default: 15 } as const;

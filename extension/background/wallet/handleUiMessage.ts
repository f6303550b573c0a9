import { TpError } from '../../../shared/errors/TpError.ts';
import type { WalletUiAction, WalletUiReply } from '../../../shared/protocol/walletUiMessages.ts';
import type { ApprovalDecision } from '../../../shared/protocol/approvalMessages.ts';
import type { ApprovalQueue } from '../approvals/ApprovalQueue.ts';
import type { WalletController } from './WalletController.ts';

export type UiContext = { readonly wallet: WalletController; readonly approvals: ApprovalQueue };

type ActionHandler = (context: UiContext, params: Record<string, unknown>) => Promise<unknown>;

/** Every action the wallet's own pages may ask for; anything else is refused. */
const actionHandlers: Record<WalletUiAction, ActionHandler> = {
  status: ({ wallet }) => wallet.status(),
  generatePhrase: ({ wallet }, params) =>
    wallet.generatePhrase({ wordCount: params.wordCount, language: params.language }),
  createWallet: ({ wallet }, params) =>
    wallet.createWallet({
      phrase: params.phrase,
      language: params.language,
      password: params.password,
    }),
  unlock: ({ wallet }, params) => wallet.unlock({ password: params.password }),
  lock: ({ wallet }) => wallet.lock(),
  listAccounts: ({ wallet }, params) =>
    wallet.listAccounts({ includeHidden: params.includeHidden }),
  addAccount: ({ wallet }, params) => wallet.addAccount({ name: params.name }),
  renameAccount: ({ wallet }, params) =>
    wallet.renameAccount({ address: params.address, name: params.name }),
  hideAccount: ({ wallet }, params) =>
    wallet.hideAccount({ address: params.address, isHidden: params.isHidden }),
  importPrivateKey: ({ wallet }, params) =>
    wallet.importPrivateKey({ privateKey: params.privateKey, name: params.name }),
  getBalances: ({ wallet }, params) => wallet.getBalances({ address: params.address }),
  revealPhrase: ({ wallet }, params) => wallet.revealPhrase({ password: params.password }),
  changePassword: ({ wallet }, params) =>
    wallet.changePassword({
      currentPassword: params.currentPassword,
      newPassword: params.newPassword,
    }),
  setAutoLock: ({ wallet }, params) => wallet.setAutoLock({ minutes: params.minutes }),
  setDefaultWallet: ({ wallet }, params) =>
    wallet.setDefaultWallet({ isDefault: params.isDefault }),
  listApprovals: ({ approvals }) => Promise.resolve({ approvals: approvals.list() }),
  resolveApproval: ({ approvals }, params) => {
    approvals.resolve(readApprovalId(params.id), readDecision(params.decision));
    return Promise.resolve(null);
  },
};

function readApprovalId(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw new TpError({
      code: 'wallet/invalid-params',
      shortMessage: 'Expected an approval id.',
      details: { param: 'id' },
    });
  }
  return value;
}

function readDecision(value: unknown): ApprovalDecision {
  const { approved, accounts } = (
    typeof value === 'object' && value !== null ? value : {}
  ) as Record<string, unknown>;
  if (approved === false) return { approved: false };
  const isAccountList =
    accounts === undefined ||
    (Array.isArray(accounts) &&
      accounts.length <= 1000 &&
      accounts.every(
        (account) => typeof account === 'string' && /^0x[0-9a-fA-F]{40}$/.test(account),
      ));
  if (approved !== true || !isAccountList) {
    throw new TpError({
      code: 'wallet/invalid-params',
      shortMessage: 'Expected a decision { approved, accounts? }.',
      details: { param: 'decision' },
    });
  }
  return accounts === undefined
    ? { approved: true }
    : { approved: true, accounts: accounts as `0x${string}`[] };
}

/**
 * Dispatches one message from the wallet's own pages (the caller has checked the sender).
 * Never throws: failures become `{ ok: false, error }` with the TpError's code and message.
 */
export async function handleUiMessage(
  context: UiContext,
  message: unknown,
): Promise<WalletUiReply> {
  try {
    const { action, params } = (
      typeof message === 'object' && message !== null ? message : {}
    ) as Record<string, unknown>;
    const handler =
      typeof action === 'string' && Object.hasOwn(actionHandlers, action)
        ? actionHandlers[action as WalletUiAction]
        : undefined;
    if (handler === undefined) {
      throw new TpError({
        code: 'wallet/unknown-action',
        shortMessage: 'Unknown wallet action.',
        details: { action: String(action) },
      });
    }
    const checkedParams =
      typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
    return { ok: true, result: (await handler(context, checkedParams)) as never };
  } catch (error) {
    if (error instanceof TpError) {
      return {
        ok: false,
        error: { code: error.code, message: error.shortMessage, details: error.details },
      };
    }
    return {
      ok: false,
      error: { code: 'wallet/internal', message: 'The wallet failed to handle the request.' },
    };
  }
}

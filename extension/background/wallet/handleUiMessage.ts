import { TpError } from '../../../shared/errors/TpError.ts';
import type { WalletUiAction, WalletUiReply } from '../../../shared/protocol/walletUiMessages.ts';
import type { WalletController } from './WalletController.ts';

type ActionHandler = (
  wallet: WalletController,
  params: Record<string, unknown>,
) => Promise<unknown>;

/** Every action the wallet's own pages may ask for; anything else is refused. */
const actionHandlers: Record<WalletUiAction, ActionHandler> = {
  status: (wallet) => wallet.status(),
  generatePhrase: (wallet, params) =>
    wallet.generatePhrase({ wordCount: params.wordCount, language: params.language }),
  createWallet: (wallet, params) =>
    wallet.createWallet({
      phrase: params.phrase,
      language: params.language,
      password: params.password,
    }),
  unlock: (wallet, params) => wallet.unlock({ password: params.password }),
  lock: (wallet) => wallet.lock(),
  listAccounts: (wallet, params) => wallet.listAccounts({ includeHidden: params.includeHidden }),
  addAccount: (wallet, params) => wallet.addAccount({ name: params.name }),
  renameAccount: (wallet, params) =>
    wallet.renameAccount({ address: params.address, name: params.name }),
  hideAccount: (wallet, params) =>
    wallet.hideAccount({ address: params.address, isHidden: params.isHidden }),
  importPrivateKey: (wallet, params) =>
    wallet.importPrivateKey({ privateKey: params.privateKey, name: params.name }),
  getBalances: (wallet, params) => wallet.getBalances({ address: params.address }),
  revealPhrase: (wallet, params) => wallet.revealPhrase({ password: params.password }),
  changePassword: (wallet, params) =>
    wallet.changePassword({
      currentPassword: params.currentPassword,
      newPassword: params.newPassword,
    }),
  setAutoLock: (wallet, params) => wallet.setAutoLock({ minutes: params.minutes }),
};

/**
 * Dispatches one message from the wallet's own pages (the caller has checked the sender).
 * Never throws: failures become `{ ok: false, error }` with the TpError's code and message.
 */
export async function handleUiMessage(
  wallet: WalletController,
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
    return { ok: true, result: (await handler(wallet, checkedParams)) as never };
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

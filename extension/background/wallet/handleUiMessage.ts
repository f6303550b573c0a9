import { TpError } from '../../../shared/errors/TpError.ts';
import type { WalletUiAction, WalletUiReply } from '../../../shared/protocol/walletUiMessages.ts';
import type { ApprovalDecision } from '../../../shared/protocol/approvalMessages.ts';
import type { ApprovalQueue } from '../approvals/ApprovalQueue.ts';
import type { PolicyUiActions } from '../policy/wiring/createPolicyUiActions.ts';
import type { SubscriptionUiActions } from '../subscriptions/createSubscriptionUiActions.ts';
import type { WalletController } from './WalletController.ts';

export type UiContext = {
  readonly wallet: WalletController;
  readonly approvals: ApprovalQueue;
  /** The "Sites" and "Activity" pages' actions (background/policy/wiring). */
  readonly policy?: PolicyUiActions;
  /** The "Subscriptions" page's actions (background/subscriptions). */
  readonly subscriptions?: SubscriptionUiActions;
};

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
  resolveApproval: async ({ approvals, wallet }, params) => {
    const id = readApprovalId(params.id);
    const answer = readDecision(params.decision);
    const { password, ...decision } = answer.approved ? answer : { ...answer, password: undefined };
    const request = approvals.list().find((pending) => pending.id === id);
    const details = request?.details;
    const needsPassword =
      decision.approved &&
      details !== undefined &&
      'policy' in details &&
      details.policy?.requiresPassword === true;
    // Step-up: the approval counts only with the right password (wrong ones count to lockout).
    if (needsPassword) await wallet.verifyPassword({ password });
    approvals.resolve(id, decision);
    return null;
  },
  listSites: ({ policy }) => requirePolicy(policy).listSites({}),
  getSite: ({ policy }, params) => requirePolicy(policy).getSite(params),
  setSitePreset: ({ policy }, params) => requirePolicy(policy).setSitePreset(params),
  setSitePolicy: ({ policy }, params) => requirePolicy(policy).setSitePolicy(params),
  revokeGrant: ({ policy }, params) => requirePolicy(policy).revokeGrant(params),
  disconnectSite: ({ policy }, params) => requirePolicy(policy).disconnectSite(params),
  setKillSwitch: ({ policy }, params) => requirePolicy(policy).setKillSwitch(params),
  setWalletLimits: ({ policy }, params) => requirePolicy(policy).setWalletLimits(params),
  getPriceSettings: ({ policy }, params) => requirePolicy(policy).getPriceSettings(params),
  setPriceSettings: ({ policy }, params) => requirePolicy(policy).setPriceSettings(params),
  listActivity: ({ policy }, params) => requirePolicy(policy).listActivity(params),
  listSubscriptions: ({ subscriptions }) => requireSubscriptions(subscriptions).list(),
  cancelSubscription: ({ subscriptions }, params) =>
    requireSubscriptions(subscriptions).cancel(params),
  runSubscriptions: ({ subscriptions }) => requireSubscriptions(subscriptions).runNow(),
  setClockOffset: ({ subscriptions }, params) =>
    requireSubscriptions(subscriptions).setClockOffset(params),
};

function requireSubscriptions(
  subscriptions: SubscriptionUiActions | undefined,
): SubscriptionUiActions {
  if (subscriptions === undefined)
    throw new TpError({
      code: 'wallet/unknown-action',
      shortMessage: 'Subscriptions are not available here.',
    });
  return subscriptions;
}

function requirePolicy(policy: PolicyUiActions | undefined): PolicyUiActions {
  if (policy === undefined)
    throw new TpError({
      code: 'wallet/unknown-action',
      shortMessage: 'Spending policies are not available here.',
    });
  return policy;
}

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
  const { approved, accounts, password, approvalAmount, grants } = (
    typeof value === 'object' && value !== null ? value : {}
  ) as Record<string, unknown>;
  if (approved === false) return { approved: false };
  const extras = {
    ...(password === undefined ? {} : { password: readPassword(password) }),
    ...(approvalAmount === undefined ? {} : { approvalAmount: readAmountText(approvalAmount) }),
    ...(grants === undefined ? {} : { grants: readGrantAnswers(grants) }),
  };
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
    ? { approved: true, ...extras }
    : { approved: true, accounts: accounts as `0x${string}`[], ...extras };
}

function readPassword(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1_000) {
    throw new TpError({
      code: 'wallet/invalid-params',
      shortMessage: 'Expected the password as text.',
      details: { param: 'decision.password' },
    });
  }
  return value;
}

function readAmountText(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9]{1,78}$/.test(value)) {
    throw new TpError({
      code: 'wallet/invalid-params',
      shortMessage: 'Expected an amount in base units, as digits.',
      details: { param: 'decision.approvalAmount' },
    });
  }
  return value;
}

function readGrantAnswers(value: unknown): { amount: string; endTime?: number }[] {
  if (!Array.isArray(value) || value.length > 16) {
    throw new TpError({
      code: 'wallet/invalid-params',
      shortMessage: 'Expected the granted amounts, one per permission.',
      details: { param: 'decision.grants' },
    });
  }
  return (value as unknown[]).map((entry) => {
    const { amount, endTime } = (
      typeof entry === 'object' && entry !== null ? entry : {}
    ) as Record<string, unknown>;
    const isEndTime =
      endTime === undefined || (typeof endTime === 'number' && Number.isSafeInteger(endTime));
    if (!isEndTime) {
      throw new TpError({
        code: 'wallet/invalid-params',
        shortMessage: 'Expected the expiry in unix seconds.',
        details: { param: 'decision.grants' },
      });
    }
    return {
      amount: readAmountText(amount),
      ...(endTime === undefined ? {} : { endTime: endTime }),
    };
  });
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

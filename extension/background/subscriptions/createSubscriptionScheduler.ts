import { encodeFunctionData, erc20Abi } from 'viem';
import type { Address, Hex } from 'viem';
import type { SigningKeysList } from '../../../shared/providerApi/SigningKeysList.ts';
import type {
  Subscription,
  SubscriptionCheckout,
  SubscriptionInvoice,
} from '../../../shared/providerApi/Subscription.ts';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import type { SubscriptionRenewalView } from '../../../shared/protocol/approvalMessages.ts';
import { ProviderApiError } from '../../../shared/providerClient/errors.ts';
import { verifyQuoteSignature } from '../../../shared/quotes/verifyQuoteSignature.ts';
import type { Grant } from '../policy/Policy.ts';
import type { SubscriptionStore } from './openSubscriptionStore.ts';
import { planRenewal } from './planRenewal.ts';
import type { RenewalPlan } from './planRenewal.ts';
import type { SubscriptionExtension } from './readSubscriptionExtension.ts';
import type { SubscriptionAttention, SubscriptionLink } from './SubscriptionLink.ts';

/** The provider calls the scheduler makes, with the link's publishable key. */
export type SubscriptionProvider = {
  getSubscriptionCheckout(sessionId: string): Promise<SubscriptionCheckout>;
  getSubscription(id: string): Promise<Subscription>;
  getCurrentRenewal(subscriptionId: string): Promise<SubscriptionInvoice>;
  getSigningKeys(): Promise<SigningKeysList>;
  reportPayment(sessionId: string, body: { chain_id: number; tx_hash: Hex }): Promise<unknown>;
};

/** A renewal transaction as the site would send it: through the wallet's payment path. */
export type RenewalPayment = {
  readonly origin: string;
  readonly from: Address;
  readonly chainId: number;
  readonly to: Address;
  readonly data: Hex;
  /** Why the scheduler pays: the window shows it when the policy asks the user. */
  readonly expectation: 'within-grant' | 'above-grant';
  /** What the approval window says about this renewal (wallet-made, never from a page). */
  readonly renewal: SubscriptionRenewalView;
};

export type CreateSubscriptionSchedulerParameters = {
  store: SubscriptionStore;
  /** The grant as it is in the site's policy now; undefined once revoked. */
  findGrant: (origin: string, grantId: string) => Grant | undefined;
  providerFor: (link: SubscriptionLink) => SubscriptionProvider;
  /**
   * Sends the transaction through the same path and ledger as a site's `eth_sendTransaction`
   * (the policy decides again: a payment that fits the grant is automatic, anything else opens
   * the approval window); resolves with the hash and how it was let through.
   */
  pay: (payment: RenewalPayment) => Promise<{ hash: Hex; approval: 'auto' | 'confirmed' }>;
  /** Payments need the keys: while locked the scheduler waits (it runs again on unlock). */
  isUnlocked: () => Promise<boolean>;
  /** Tells the user a renewal needs them (not paid automatically), once per period and reason. */
  notify?: (link: SubscriptionLink, attention: SubscriptionAttention) => void;
  now: () => Date;
};

export type SubscriptionRunResult = {
  readonly grantId: string;
  readonly outcome: RenewalPlan['action'] | 'waiting' | 'closed' | 'error' | 'declined';
  readonly reason?: string;
  readonly periodIndex?: number | null;
  readonly hash?: Hex;
};

export type SubscriptionScheduler = {
  /** Stores the subscription details a TP checkout sent with a granted permission. */
  link(parameters: {
    origin: string;
    account: Address;
    grant: Grant;
    extension: SubscriptionExtension;
  }): Promise<SubscriptionLink>;
  /** Looks at every subscription once; concurrent calls share one run. */
  run(): Promise<readonly SubscriptionRunResult[]>;
};
export type CreateSubscriptionSchedulerReturnType = SubscriptionScheduler;

const messages: Readonly<Record<string, string>> = {
  'above-grant': 'The renewal costs more than the allowance you granted for one period.',
  'other-recipient': 'The renewal asks to pay another address than the one you granted: refused.',
  'other-token': 'The renewal asks for another token than the one you granted: refused.',
  'other-chain': 'The renewal is on another chain than the one you granted: refused.',
  'bad-signature': "The renewal quote is not signed by the provider's key: refused.",
  'period-mismatch': 'The renewal is not for the period due now: refused.',
  'subscription-mismatch': 'The renewal belongs to another subscription: refused.',
  declined: 'You declined this renewal.',
  failed: 'The renewal payment failed.',
};

/**
 * The wallet's renewal scheduler. For each subscription a TP checkout linked to a grant: finds
 * the subscription (`GET /v1/subscriptions/checkout/{session}` once the first payment is
 * confirmed), reads the renewal due (`renewals/current`), verifies its quote's Ed25519
 * signature against the provider's `GET /v1/keys`, and lets `planRenewal` decide: within the
 * grant it pays without asking; above the grant it asks (the approval window, with the reason);
 * another recipient, token or chain is refused. The period is claimed in storage before the
 * transaction is sent, so a crash or two overlapping runs can never pay one period twice.
 * Missed wake-ups (the browser was closed) need nothing special: a run looks at the period due
 * now, which is payable only within its grace period, one payment per period.
 */
export function createSubscriptionScheduler({
  store,
  findGrant,
  providerFor,
  pay,
  isUnlocked,
  notify,
  now,
}: CreateSubscriptionSchedulerParameters): CreateSubscriptionSchedulerReturnType {
  let running: Promise<readonly SubscriptionRunResult[]> | undefined;

  const attend = async (
    link: SubscriptionLink,
    periodIndex: number,
    reason: string,
  ): Promise<void> => {
    const previous = link.attention;
    const attention: SubscriptionAttention = {
      periodIndex,
      reason,
      message: messages[reason] ?? reason,
      at: now().getTime(),
    };
    await store.update(link.grantId, (current) => ({ ...current, attention }));
    if (previous?.periodIndex !== periodIndex || previous.reason !== reason)
      notify?.(link, attention);
  };

  const runOne = async (initial: SubscriptionLink): Promise<SubscriptionRunResult> => {
    let link = initial;
    const result = (
      outcome: SubscriptionRunResult['outcome'],
      extra: Omit<SubscriptionRunResult, 'grantId' | 'outcome'> = {},
    ): SubscriptionRunResult => ({ grantId: link.grantId, outcome, ...extra });
    if (link.isClosed) return result('closed');
    const grant = findGrant(link.origin, link.grantId);
    if (grant === undefined) {
      await store.update(link.grantId, (current) => ({ ...current, isClosed: true }));
      return result('closed', { reason: 'grant-revoked' });
    }
    const provider = providerFor(link);
    if (link.subscriptionId === null) {
      const checkout = await provider.getSubscriptionCheckout(link.sessionId);
      if (checkout.subscription === null)
        return result('waiting', { reason: 'no-subscription-yet' });
      const subscriptionId = checkout.subscription;
      link =
        (await store.update(link.grantId, (current) => ({
          ...current,
          subscriptionId,
          merchantName: checkout.plan.name,
        }))) ?? link;
    }
    const subscriptionId = link.subscriptionId as string;
    const subscription = await provider.getSubscription(subscriptionId);
    const isOver = subscription.status === 'canceled' || subscription.status === 'ended';
    link =
      (await store.update(link.grantId, (current) => ({
        ...current,
        status: subscription.status,
        nextRenewalAt: subscription.next_renewal_at,
        amountMinor: subscription.amount_minor,
        currency: subscription.currency,
        isClosed: current.isClosed || isOver,
      }))) ?? link;
    if (isOver) return result('closed', { reason: subscription.status });
    if (subscription.subscriber.toLowerCase() !== link.account.toLowerCase())
      return result('refuse', { reason: 'subscription-mismatch' });

    let invoice: SubscriptionInvoice;
    try {
      invoice = await provider.getCurrentRenewal(subscriptionId);
    } catch (error) {
      if (error instanceof ProviderApiError && error.code === 'no_renewal_due')
        return result('skip', { reason: 'no-renewal-due' });
      if (error instanceof ProviderApiError && error.code === 'subscription_not_active') {
        await store.update(link.grantId, (current) => ({ ...current, isClosed: true }));
        return result('closed', { reason: 'subscription_not_active' });
      }
      throw error;
    }
    const isSignatureValid = await checkSignature(provider, invoice);
    const plan = planRenewal({ grant, link, invoice, isSignatureValid, now: now() });
    if (plan.action === 'skip')
      return result('skip', { reason: plan.reason, periodIndex: plan.periodIndex });
    if (plan.action === 'refuse') {
      await attend(link, plan.periodIndex, plan.reason);
      return result('refuse', { reason: plan.reason, periodIndex: plan.periodIndex });
    }
    const quote = plan.invoice.quote;
    if (quote === null || quote.token_address === null || !/^[0-9a-f]{32}$/.test(quote.reference))
      return result('refuse', { reason: 'bad-reference', periodIndex: plan.periodIndex });
    // Declined once: not asked again for this period (the page still shows it).
    if (link.attention?.periodIndex === plan.periodIndex && link.attention.reason === 'declined')
      return result('declined', { periodIndex: plan.periodIndex });
    // Claim the period before anything leaves the wallet: never two payments for one period.
    const claimed = await store.update(link.grantId, (current) =>
      current.payments.some((payment) => payment.periodIndex === plan.periodIndex)
        ? current
        : {
            ...current,
            payments: [
              ...current.payments,
              {
                periodIndex: plan.periodIndex,
                invoiceId: plan.invoice.id,
                amount: plan.amount.toString(),
                hash: null,
                paidAt: now().getTime(),
                approval: plan.action === 'pay' ? 'auto' : 'confirmed',
              },
            ],
          },
    );
    const claim = claimed?.payments.find((payment) => payment.periodIndex === plan.periodIndex);
    if (claim === undefined || claim.invoiceId !== plan.invoice.id || claim.hash !== null)
      return result('skip', { reason: 'already-paid', periodIndex: plan.periodIndex });
    if (plan.action === 'ask') await attend(link, plan.periodIndex, plan.reason);
    const transfer = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [quote.recipient as Address, plan.amount],
    });
    let sent: { hash: Hex; approval: 'auto' | 'confirmed' };
    try {
      sent = await pay({
        origin: link.origin,
        from: link.account,
        chainId: quote.chain_id,
        to: quote.token_address as Address,
        data: `${transfer}${quote.reference}`,
        expectation: plan.action === 'pay' ? 'within-grant' : 'above-grant',
        renewal: {
          ...(link.merchantName === null ? {} : { planName: link.merchantName }),
          periodIndex: plan.periodIndex,
          // planRenewal checked it against the wallet's own calendar.
          dueAt: plan.invoice.period_start,
          ...(link.amountMinor === null || link.currency === null
            ? {}
            : { price: { amountMinor: link.amountMinor, currency: link.currency } }),
          interval: link.interval,
          intervalCount: link.intervalCount,
        },
      });
    } catch (error) {
      // The node could not be reached after signing: the transaction may have gone out. The
      // period stays claimed (never paid twice); the ledger and receipt tracker follow it.
      if (error instanceof ProviderRpcError && error.code === 'rpc/chainDisconnected') {
        await attend(link, plan.periodIndex, 'failed');
        return result('error', { reason: error.shortMessage, periodIndex: plan.periodIndex });
      }
      // Nothing was sent: the period is free again (the user may still pay it in grace).
      await store.update(link.grantId, (current) => ({
        ...current,
        payments: current.payments.filter((payment) => payment.periodIndex !== plan.periodIndex),
      }));
      const isDeclined = readRpcCode(error) === userRejectedCode;
      await attend(link, plan.periodIndex, isDeclined ? 'declined' : 'failed');
      return result(isDeclined ? 'declined' : 'error', {
        reason: error instanceof Error ? error.message.slice(0, 200) : 'payment failed',
        periodIndex: plan.periodIndex,
      });
    }
    await store.update(link.grantId, (current) => ({
      ...current,
      payments: current.payments.map((payment) =>
        payment.periodIndex === plan.periodIndex
          ? { ...payment, hash: sent.hash, approval: sent.approval, paidAt: now().getTime() }
          : payment,
      ),
      attention: null,
    }));
    // Faster than waiting for the provider's chain watcher; it verifies the transfer itself.
    await provider
      .reportPayment(plan.invoice.session_id, { chain_id: quote.chain_id, tx_hash: sent.hash })
      .catch(() => undefined);
    return result(plan.action, { periodIndex: plan.periodIndex, hash: sent.hash });
  };

  const runAll = async (): Promise<readonly SubscriptionRunResult[]> => {
    if (!(await isUnlocked())) return [];
    const results: SubscriptionRunResult[] = [];
    for (const link of await store.list()) {
      try {
        results.push(await runOne(link));
      } catch (error) {
        results.push({
          grantId: link.grantId,
          outcome: 'error',
          reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown error',
        });
      }
    }
    return results;
  };

  return {
    async link({ origin, account, grant, extension }) {
      const link: SubscriptionLink = {
        grantId: grant.id,
        origin,
        account,
        providerUrl: extension.providerUrl,
        sessionId: extension.sessionId,
        publishableKey: extension.publishableKey,
        chainId: grant.chainId,
        token:
          grant.asset === 'native' ? '0x0000000000000000000000000000000000000000' : grant.asset,
        periodAmount: grant.amount.toString(),
        interval: extension.interval,
        intervalCount: extension.intervalCount,
        gracePeriodSeconds: extension.gracePeriodSeconds,
        // A grant that starts now pays period 0 at checkout; one that starts later (a trial)
        // has its first payment at the start.
        firstRenewalIndex: grant.startTime <= grant.createdAt ? 1 : 0,
        subscriptionId: null,
        status: null,
        nextRenewalAt: null,
        merchantName: null,
        amountMinor: null,
        currency: null,
        payments: [],
        attention: null,
        isClosed: false,
        createdAt: now().getTime(),
      };
      await store.put(link);
      return link;
    },
    run() {
      running ??= runAll().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

/** EIP-1193 "User Rejected Request". */
const userRejectedCode = 4001;

/** The EIP-1193 code of a wallet error (`ProviderRpcError.rpcCode`, or a plain `code`). */
function readRpcCode(error: unknown): unknown {
  if (error instanceof ProviderRpcError) return error.rpcCode;
  return (error as { code?: unknown } | null)?.code;
}

async function checkSignature(
  provider: SubscriptionProvider,
  invoice: SubscriptionInvoice,
): Promise<boolean> {
  const quote = invoice.quote;
  if (quote === null) return false;
  const { keys } = await provider.getSigningKeys();
  const key = keys.find((candidate) => candidate.id === quote.signature.key_id);
  if (key === undefined) return false;
  try {
    return verifyQuoteSignature({
      quote,
      signature: quote.signature.value,
      publicKey: key.public_key,
    });
  } catch {
    return false;
  }
}

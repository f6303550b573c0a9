/**
 * The spending policy at the dapp boundary: before every transaction and signature it runs
 * extractSpend → decide; `auto` reserves and goes on without a window, `confirm` opens the
 * approval window with the decision's reasons, `step-up` also asks for the password (checked by
 * the worker before the window's answer counts), `block` refuses with 4100 and the reason.
 * The spend is reserved atomically (IndexedDB) before signing, with the decision taken again
 * inside the reservation, so concurrent requests from any tabs never pass a cap together; it is
 * released when signing is refused or fails or the node refuses the transaction, and the
 * receipt tracker settles or releases it once mined. ERC-7715 grants are asked for, stored in
 * the site's policy, listed and revoked here too.
 *
 * Trusted: the controller, the network (the wallet's own), `origin` (from the browser). Not
 * trusted: the request's content and the permission params (both come from the site).
 */
import { bytesToHex, encodeFunctionData, erc20Abi, numberToHex } from 'viem';
import type { Address, Hex } from 'viem';
import { ProviderRpcError } from '../../../../shared/errors/ProviderRpcError.ts';
import { TpError } from '../../../../shared/errors/TpError.ts';
import type { ActionView } from '../../../../shared/protocol/ActionView.ts';
import type {
  GrantRequestView,
  PolicyPromptView,
} from '../../../../shared/protocol/approvalMessages.ts';
import type {
  ActivityApproval,
  ActivityStatus,
} from '../../../../shared/protocol/policyMessages.ts';
import type {
  AuthorizeParameters,
  DappPolicy,
  GrantPermissionEntry,
  SpendingAuthorization,
} from '../../dapp/DappPolicy.ts';
import type { Decision } from '../Decision.ts';
import { ReservationRefusedError } from '../errors.ts';
import { extractSpend } from '../extractSpend.ts';
import { formatExecutionPermissionResponse } from '../formatExecutionPermissionResponse.ts';
import type { ReserveResult } from '../createLedgerCore.ts';
import { parseExecutionPermissionRequest } from '../parseExecutionPermissionRequest.ts';
import type { ExecutionPermissionRequest } from '../parseExecutionPermissionRequest.ts';
import type { Grant, PolicyPreset } from '../Policy.ts';
import type { PolicyRequest } from '../PolicyRequest.ts';
import type { SpendExtraction } from '../Spend.ts';
import type { PolicyController } from './PolicyController.ts';
import type { AssetNames } from './createAssetNames.ts';
import { createAssetNames } from './createAssetNames.ts';
import { describeDecision } from './describeDecision.ts';
import type { ActivityRecord } from './openActivityLog.ts';
import { toAssetReferenceView, toDecisionView } from './toDecisionView.ts';
import { toProviderRpcError } from '../toProviderRpcError.ts';

/** What the notifier is told of an automatic payment or signature. */
export type AutoPaymentNotice = {
  readonly origin: string;
  readonly decision: Decision;
  readonly names: AssetNames;
  readonly kind: 'transaction' | 'signature';
};

export type CreateDappPolicyParameters = {
  readonly controller: PolicyController;
  /**
   * Starts following sent transactions until they are mined (see createReceiptTracker); one
   * the ledger does not count (it spends nothing) is named, to mark its activity entry.
   */
  readonly watchReceipts: (uncounted?: { chainId: number; hash: Hex }) => void;
  readonly notify: (notice: AutoPaymentNotice) => void;
  readonly now: () => Date;
  readonly createId?: () => string;
  /**
   * Told of grants once stored, with the requests they came from (the subscription scheduler
   * keeps a TP checkout's `"tpPay:subscription"` details beside the grant). Its failure does
   * not undo the grant.
   */
  readonly onGranted?: (granted: {
    origin: string;
    account: Address;
    grants: readonly Grant[];
    requests: readonly ExecutionPermissionRequest[];
  }) => Promise<void>;
  /**
   * Reservations whose signed transaction is waiting for its broadcast (from `attach` to `sent` /
   * `broadcastFailed` / `fail`); the receipt tracker leaves them alone meanwhile.
   */
  readonly broadcasting?: Set<string>;
};
export type CreateDappPolicyReturnType = DappPolicy;

/** Past this many re-decisions (the cap moved under a waiting window each time) the site retries. */
const maxRounds = 3;
const erc20IncreaseAllowanceAbi = [
  {
    type: 'function',
    name: 'increaseAllowance',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'spender', type: 'address' },
      { name: 'addedValue', type: 'uint256' },
    ],
    outputs: [{ name: '', type: 'bool' }],
  },
] as const;

export function createDappPolicy({
  controller,
  watchReceipts,
  notify,
  now,
  createId = () => crypto.randomUUID(),
  onGranted,
  broadcasting = new Set(),
}: CreateDappPolicyParameters): CreateDappPolicyReturnType {
  const record = async (entry: Omit<ActivityRecord, 'id' | 'updatedAt'>): Promise<void> => {
    try {
      await controller.activity.add({ ...entry, id: createId(), updatedAt: entry.createdAt });
    } catch {
      // The log is for the user's eyes; a failed write must not undo a payment.
    }
  };

  const blocked = (decision: Decision, origin: string): ProviderRpcError =>
    new ProviderRpcError(
      'unauthorized',
      `Refused by the wallet's spending policy: ${describeDecision({ decision, origin })}.`,
      {
        reason: 'policy/blocked',
        rules: decision.reasons
          .filter((reason) => reason.action === 'block')
          .map((reason) => reason.rule),
      },
    );

  return {
    async authorize({ origin, method, from, network, input, ask }: AuthorizeParameters) {
      await controller.ready();
      const kind = input.kind === 'transaction' ? 'transaction' : 'signature';
      const names = createAssetNames([network]);
      const preset = controller.sitePolicy(origin).policy.preset;
      let transaction = input.kind === 'transaction' ? input.transaction : undefined;
      const extract = (): SpendExtraction =>
        extractSpend({
          chainId: network.chainId,
          knownTokens: network.tokens,
          ...(transaction !== undefined
            ? { transaction }
            : input.kind === 'typed-data'
              ? { typedData: input.typedData }
              : { message: null }),
        });
      let extraction = extract();
      const request = (): PolicyRequest => ({
        origin,
        chainId: network.chainId,
        extraction,
        ...(input.kind === 'transaction' ? { maxNetworkFee: input.maxNetworkFee } : {}),
      });
      const createdAt = now().getTime();
      const action: ActionView | undefined =
        input.kind === 'transaction' ? input.action : undefined;
      const log = (
        status: ActivityStatus,
        approval: ActivityApproval,
        decision: Decision,
        extra: Partial<ActivityRecord> = {},
      ): Promise<void> =>
        record({
          origin,
          method,
          kind,
          chainId: network.chainId,
          from,
          createdAt,
          decision: toDecisionView({ decision, preset, names }),
          approval,
          status,
          ...(action === undefined ? {} : { action }),
          ...extra,
        });
      const reserve = (approvedAction: 'auto' | 'confirm' | 'step-up'): Promise<ReserveResult> =>
        controller.ledger.reserve({
          kind,
          policy: controller.state,
          request: request(),
          prices: controller.prices(network),
          approvedAction,
        });

      let decision = controller.decide(request(), network);
      let reserved: ReserveResult | undefined;
      let approval: SpendingAuthorization['approval'] = 'auto';
      if (decision.action === 'auto') {
        try {
          reserved = await reserve('auto');
        } catch (error) {
          if (!(error instanceof ReservationRefusedError)) throw error;
          // Another request took the cap between the decision and the reservation.
          decision = controller.decide(request(), network);
        }
      }
      for (let round = 0; reserved === undefined; round += 1) {
        if (decision.action === 'block') {
          await log('blocked', 'none', decision);
          throw blocked(decision, origin);
        }
        if (round >= maxRounds)
          throw new ProviderRpcError(
            'resourceUnavailable',
            'The spending policy changed while you decided; send the request again.',
          );
        const prompt = toPrompt({ decision, action, names, preset, chainId: network.chainId });
        let answer: Awaited<ReturnType<typeof ask>>;
        try {
          answer = await ask(prompt);
        } catch (error) {
          await log('rejected', 'none', decision);
          throw error;
        }
        if (answer.approvalAmount !== undefined && transaction !== undefined) {
          transaction = lowerApproval(transaction, action, answer.approvalAmount);
          extraction = extract();
        }
        const approvedAction = prompt.requiresPassword ? 'step-up' : 'confirm';
        try {
          reserved = await reserve(approvedAction);
          approval = prompt.requiresPassword ? 'password' : 'confirmed';
        } catch (error) {
          if (!(error instanceof ReservationRefusedError)) throw error;
          decision = controller.decide(request(), network);
        }
      }

      const final = reserved.decision;
      let reservationId = reserved.reservation?.id;
      const ledger = controller.ledger;
      const announce = (): void => {
        if (approval === 'auto') notify({ origin, decision: final, names, kind });
      };
      const broadcastEnded = (): void => {
        if (reservationId !== undefined) broadcasting.delete(reservationId);
      };
      const changedData =
        transaction !== undefined &&
        input.kind === 'transaction' &&
        transaction.data !== input.transaction.data
          ? transaction.data
          : undefined;
      return {
        approval,
        ...(changedData === undefined ? {} : { data: changedData }),
        async fail(error) {
          broadcastEnded();
          if (reservationId !== undefined)
            await ledger.release({ reservationId, reason: 'rejected' }).catch(ignoreLedgerRefusal);
          await log('failed', approval, final, {
            error: errorText(error),
            ...(reservationId === undefined ? {} : { reservationId }),
          });
        },
        async attach({ hash, nonce }) {
          if (reservationId === undefined) return;
          const change = await ledger.attachTransaction({ reservationId, hash, from, nonce });
          // A replacement (same nonce) merges into the payment it replaces: counted once.
          reservationId = change.reservation.id;
          // Unless it merged into one already sent (then the tracker must keep following that).
          if (change.reservation.transactions.length === 1) broadcasting.add(reservationId);
        },
        async sent(hash) {
          broadcastEnded();
          await log('pending', approval, final, {
            transactionHashes: [lower(hash)],
            ...(reservationId === undefined ? {} : { reservationId }),
          });
          watchReceipts(
            reservationId === undefined
              ? { chainId: network.chainId, hash: lower(hash) }
              : undefined,
          );
          announce();
        },
        async broadcastFailed(hash, error) {
          broadcastEnded();
          // Unreachable node: the transaction may have gone out; the tracker decides from the
          // chain. A refusal (an RPC error answer) means it never entered the mempool.
          const mayHaveLeft =
            error instanceof ProviderRpcError && error.code === 'rpc/chainDisconnected';
          if (reservationId !== undefined && !mayHaveLeft)
            await ledger
              .releaseTransaction({ hash, reason: 'broadcast-failed' })
              .catch(ignoreLedgerRefusal);
          await log('failed', approval, final, {
            error: errorText(error),
            transactionHashes: [lower(hash)],
            ...(reservationId === undefined ? {} : { reservationId }),
          });
          if (mayHaveLeft) watchReceipts();
        },
        async signed() {
          if (reservationId !== undefined) await ledger.settle({ reservationId });
          await log('signed', approval, final, {
            ...(reservationId === undefined ? {} : { reservationId }),
          });
          announce();
        },
      };
    },

    async requestPermissions({ origin, method, params, accounts, findNetwork, ask }) {
      await controller.ready();
      const nowSeconds = Math.floor(now().getTime() / 1000);
      let requests: ExecutionPermissionRequest[];
      try {
        requests = parseExecutionPermissionRequest({ params, now: nowSeconds });
      } catch (error) {
        throw toProviderRpcError({ error }) ?? error;
      }
      const first = requests[0];
      if (first === undefined)
        throw new ProviderRpcError('invalidParams', 'No permission requested.');
      const account = first.account ?? accounts[0];
      if (account === undefined)
        throw new ProviderRpcError('unauthorized', 'Connect an account to this site first.');
      for (const [index, request] of requests.entries()) {
        const asked = request.account ?? account;
        if (asked.toLowerCase() !== account.toLowerCase() || !includesAddress(accounts, asked))
          throw new ProviderRpcError(
            'unauthorized',
            `The account ${asked} is not connected to this site (or differs between requests).`,
            { param: `params[${index}].from` },
          );
        if (request.chainId !== first.chainId)
          throw new ProviderRpcError(
            'invalidParams',
            'Every permission of one request must be for the same chain.',
            { param: `params[${index}].chainId` },
          );
      }
      const network = await findNetwork(first.chainId);
      if (network === undefined)
        throw new ProviderRpcError(
          'unrecognizedChain',
          `Unrecognized chain ${numberToHex(first.chainId)}: add it first.`,
          { chainId: numberToHex(first.chainId) },
        );
      const names = createAssetNames([network]);
      const views: GrantRequestView[] = requests.map((request, index) => {
        const { grant } = request;
        if (grant.asset !== 'native' && names(grant) === undefined)
          throw new ProviderRpcError(
            'invalidParams',
            `The wallet does not know the token ${grant.asset} on chain ${grant.chainId}: add it with wallet_watchAsset first.`,
            { param: `params[${index}].permission.data.tokenAddress` },
          );
        return {
          permissionType: request.permissionType,
          isAdjustmentAllowed: request.isAdjustmentAllowed,
          token: toAssetReferenceView(grant, names),
          recipient: grant.recipient,
          amount: grant.amount.toString(),
          ...(grant.periodSeconds === undefined ? {} : { periodSeconds: grant.periodSeconds }),
          startTime: grant.startTime,
          ...(grant.endTime === undefined ? {} : { endTime: grant.endTime }),
          ...(grant.justification === undefined ? {} : { justification: grant.justification }),
        };
      });
      const answer = await ask({
        kind: 'grant-permissions',
        method,
        from: account,
        chainId: first.chainId,
        permissions: views,
      }).catch(async (error: unknown) => {
        await record({
          origin,
          method,
          kind: 'permission',
          chainId: first.chainId,
          from: account,
          createdAt: now().getTime(),
          decision: emptyDecision(controller, origin),
          approval: 'none',
          status: 'rejected',
        });
        throw error;
      });
      const grantedAt = Math.floor(now().getTime() / 1000);
      const grants: Grant[] = requests.map((request, index) =>
        applyAdjustment(request, answer.grants?.[index], index, grantedAt),
      );
      try {
        await controller.addGrants(origin, grants);
      } catch (error) {
        throw toProviderRpcError({ error }) ?? error;
      }
      await onGranted?.({ origin, account, grants, requests }).catch(() => undefined);
      await record({
        origin,
        method,
        kind: 'permission',
        chainId: first.chainId,
        from: account,
        createdAt: now().getTime(),
        decision: emptyDecision(controller, origin),
        approval: 'confirmed',
        status: 'granted',
        grantIds: grants.map((grant) => grant.id),
      });
      return requests.map((request, index) => ({
        ...formatExecutionPermissionResponse({ request, grant: grants[index] as Grant }),
        from: account,
      }));
    },

    async grantedPermissions(origin) {
      await controller.ready();
      return (controller.state.sites.get(origin)?.grants ?? []).map(toExecutionPermission);
    },

    async permissionEntries(origin): Promise<GrantPermissionEntry[]> {
      await controller.ready();
      return (controller.state.sites.get(origin)?.grants ?? []).map((grant) => ({
        invoker: origin,
        parentCapability: 'wallet_requestExecutionPermissions',
        caveats: [{ type: 'erc7715-permission', value: toExecutionPermission(grant) }],
        date: grant.createdAt * 1000,
        id: grant.id,
      }));
    },

    async revokePermission(origin, context, param) {
      await controller.ready();
      const grants = controller.state.sites.get(origin)?.grants ?? [];
      if (typeof context !== 'string' || !grants.some((grant) => grant.id === context))
        throw new ProviderRpcError(
          'invalidParams',
          'No permission of this site has that context.',
          { param },
        );
      await controller.revokeGrant(origin, context);
    },
  };

  /** The grant as the user gave it: never more than asked, never longer. */
  function applyAdjustment(
    request: ExecutionPermissionRequest,
    adjustment: { amount: string; endTime?: number } | undefined,
    index: number,
    grantedAt: number,
  ): Grant {
    const { grant } = request;
    let amount = grant.amount;
    let endTime = grant.endTime;
    if (adjustment !== undefined) {
      const lowered = /^[1-9][0-9]{0,77}$/.test(adjustment.amount)
        ? BigInt(adjustment.amount)
        : undefined;
      if (lowered === undefined || lowered > grant.amount)
        throw new ProviderRpcError('invalidParams', 'The granted amount is out of range.', {
          param: `grants[${index}].amount`,
        });
      const shortened = adjustment.endTime;
      if (
        shortened !== undefined &&
        (!Number.isSafeInteger(shortened) ||
          shortened <= Math.max(grant.startTime, grantedAt) ||
          (grant.endTime !== undefined && shortened > grant.endTime))
      )
        throw new ProviderRpcError('invalidParams', 'The granted expiry is out of range.', {
          param: `grants[${index}].endTime`,
        });
      const isChanged = lowered !== grant.amount || shortened !== grant.endTime;
      if (isChanged && !request.isAdjustmentAllowed)
        throw new ProviderRpcError(
          'invalidParams',
          'The site did not allow adjusting this permission.',
          {
            param: `grants[${index}]`,
          },
        );
      amount = lowered;
      endTime = shortened ?? grant.endTime;
    }
    return {
      ...grant,
      amount,
      ...(endTime === undefined ? {} : { endTime }),
      id: bytesToHex(crypto.getRandomValues(new Uint8Array(32))),
      createdAt: grantedAt,
    };
  }
}

/** What the window shows: the decision, the password need, the cap for an unlimited approval. */
function toPrompt({
  decision,
  action,
  names,
  preset,
  chainId,
}: {
  decision: Decision;
  action: ActionView | undefined;
  names: AssetNames;
  preset: PolicyPreset;
  chainId: number;
}): PolicyPromptView {
  const isUnlimitedApproval =
    action !== undefined &&
    (action.kind === 'erc20-approve' || action.kind === 'erc20-increase-allowance') &&
    action.isUnlimited;
  const decimals = isUnlimitedApproval ? action.tokenDecimals : undefined;
  return {
    decision: toDecisionView({ decision, preset, names }),
    requiresPassword: decision.action === 'step-up',
    ...(isUnlimitedApproval
      ? {
          unlimitedApproval: {
            token: toAssetReferenceView({ chainId, asset: action.token }, names),
            spender: action.spender,
            // A hundred whole tokens: enough for a purchase, nowhere near "everything".
            suggestedAmount: (100n * 10n ** BigInt(decimals ?? 6)).toString(),
          },
        }
      : {}),
  };
}

/** The approval with the user's lower amount; the site's reference bytes stay at the end. */
function lowerApproval(
  transaction: { to?: Address; value: bigint; data?: Hex },
  action: ActionView | undefined,
  approvalAmount: string,
): { to?: Address; value: bigint; data?: Hex } {
  if (
    action === undefined ||
    (action.kind !== 'erc20-approve' && action.kind !== 'erc20-increase-allowance') ||
    !action.isUnlimited
  )
    throw new ProviderRpcError('invalidParams', 'Only an unlimited approval can be lowered.', {
      param: 'approvalAmount',
    });
  const amount = /^[1-9][0-9]{0,77}$/.test(approvalAmount) ? BigInt(approvalAmount) : undefined;
  if (amount === undefined || amount >= BigInt(action.amount))
    throw new ProviderRpcError(
      'invalidParams',
      'The lowered approval must be above 0 and below the amount asked for.',
      { param: 'approvalAmount' },
    );
  const encoded =
    action.kind === 'erc20-approve'
      ? encodeFunctionData({
          abi: erc20Abi,
          functionName: 'approve',
          args: [action.spender, amount],
        })
      : encodeFunctionData({
          abi: erc20IncreaseAllowanceAbi,
          functionName: 'increaseAllowance',
          args: [action.spender, amount],
        });
  const data: Hex =
    action.reference === undefined ? encoded : `${encoded}${action.reference.slice(2)}`;
  return { ...transaction, data };
}

/** ERC-7715's response shape for a stored grant (no delegation manager: the wallet enforces it). */
function toExecutionPermission(grant: Grant): Record<string, unknown> {
  const isErc20 = grant.asset !== 'native';
  const type = `${isErc20 ? 'erc20' : 'native'}-token-${grant.periodSeconds === undefined ? 'allowance' : 'periodic'}`;
  const request: ExecutionPermissionRequest = {
    original: {
      chainId: numberToHex(grant.chainId),
      to: grant.recipient,
      permission: { type, isAdjustmentAllowed: false, data: {} },
      rules: [],
    },
    chainId: grant.chainId,
    permissionType: type as ExecutionPermissionRequest['permissionType'],
    isAdjustmentAllowed: false,
    grant,
  };
  return formatExecutionPermissionResponse({ request, grant });
}

/** A permission request spends nothing by itself: its activity entry carries no reasons. */
function emptyDecision(controller: PolicyController, origin: string) {
  const { policy } = controller.sitePolicy(origin);
  return toDecisionView({
    decision: { action: 'confirm', reasons: [], spends: [], currency: controller.state.currency },
    preset: policy.preset,
    names: () => undefined,
  });
}

function includesAddress(addresses: readonly Address[], address: Address): boolean {
  return addresses.some((candidate) => candidate.toLowerCase() === address.toLowerCase());
}

function lower(hash: Hex): `0x${string}` {
  return hash.toLowerCase() as `0x${string}`;
}

function errorText(error: unknown): string {
  if (error instanceof TpError) return error.shortMessage;
  return error instanceof Error ? error.message.slice(0, 200) : 'Unknown error';
}

/** A ledger call that no longer fits (already released, merged) changed nothing: fine here. */
function ignoreLedgerRefusal(error: unknown): void {
  if (error instanceof TpError && error.code.startsWith('policy/')) return;
  throw error;
}

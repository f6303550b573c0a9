/**
 * What a request spends, from the wallet's own decoders (describeTransaction, describeTypedData):
 * never re-parsed here, never taken from the site's words. Trusted: `chainId` and `knownTokens`
 * (the wallet's token list for that chain). Not trusted: the transaction, typed data or message.
 * A token's ERC-20 semantics are proven only for a token the wallet knows; anything else (unknown
 * calldata, an unknown contract, unknown typed data, a message) is `isProvable: false`, so it is
 * never automatic, while what can be read of it (native value, amounts) is still counted.
 */
import { getAddress } from 'viem';
import type { Address, Hex } from 'viem';
import type { KnownToken } from '../../../shared/chains/devChainTokens.ts';
import type { ActionView, AllowanceView } from '../../../shared/protocol/ActionView.ts';
import { describeTransaction } from '../decode/describeTransaction.ts';
import type { DescribeTransactionErrorType } from '../decode/describeTransaction.ts';
import { describeTypedData } from '../decode/describeTypedData.ts';
import type { Spend, SpendExtraction, UnprovableReason } from './Spend.ts';

export type ExtractSpendParameters = {
  /** The chain the request is for (the active chain). */
  chainId: number;
  /** The tokens the wallet knows on `chainId`. */
  knownTokens: readonly Pick<KnownToken, 'address'>[];
} & (
  | { transaction: { to?: Address | undefined; value: bigint; data?: Hex | undefined } }
  | { typedData: unknown }
  /** personal_sign: a message can authorise anything off-chain, so it is never provable. */
  | { message: unknown }
);
export type ExtractSpendReturnType = SpendExtraction;
export type ExtractSpendErrorType = DescribeTransactionErrorType;

export function extractSpend(parameters: ExtractSpendParameters): ExtractSpendReturnType {
  const { chainId, knownTokens } = parameters;
  const known = new Set(knownTokens.map((token) => token.address.toLowerCase()));
  const isKnownToken = (address: Address): boolean => known.has(address.toLowerCase());

  if ('transaction' in parameters)
    return fromTransaction(parameters.transaction, chainId, isKnownToken);
  if ('typedData' in parameters) return fromTypedData(parameters.typedData, chainId, isKnownToken);
  return { spends: [], isProvable: false, unprovableReason: 'message' };
}

function fromTransaction(
  transaction: { to?: Address | undefined; value: bigint; data?: Hex | undefined },
  chainId: number,
  isKnownToken: (address: Address) => boolean,
): SpendExtraction {
  const action = describeTransaction({ transaction, knownTokens: [] });
  const spends: Spend[] = [];
  const value = BigInt(action.value);
  const nativeTo = nativeRecipient(action);
  if (value > 0n)
    spends.push({
      kind: 'transfer',
      chainId,
      asset: 'native',
      amount: value,
      ...(nativeTo === undefined ? {} : { recipient: nativeTo }),
      isUnlimited: false,
    });

  switch (action.kind) {
    case 'native-transfer':
      return { spends, isProvable: true };
    case 'deploy':
      return unprovable(spends, 'contract-creation');
    case 'contract-call':
      return unprovable(spends, 'unknown-calldata');
    case 'erc20-transfer':
    case 'erc20-transfer-from':
      push(spends, {
        kind: 'transfer',
        chainId,
        asset: action.token,
        amount: BigInt(action.amount),
        recipient: action.to,
        isUnlimited: false,
      });
      break;
    case 'erc20-approve':
    case 'erc20-increase-allowance':
      push(spends, {
        kind: 'approval',
        chainId,
        asset: action.token,
        amount: BigInt(action.amount),
        recipient: action.spender,
        isUnlimited: action.isUnlimited,
      });
      break;
  }
  // ERC-20 semantics hold only for a contract the wallet knows is that token.
  return isKnownToken(action.token)
    ? { spends, isProvable: true }
    : unprovable(spends, 'unknown-token');
}

/** Who the native value goes to: the callee (the token contract for an ERC-20 call). */
function nativeRecipient(action: ActionView): Address | undefined {
  switch (action.kind) {
    case 'deploy':
      return undefined;
    case 'native-transfer':
    case 'contract-call':
      return action.to;
    default:
      return action.token;
  }
}

function fromTypedData(
  typedData: unknown,
  chainId: number,
  isKnownToken: (address: Address) => boolean,
): SpendExtraction {
  const view = describeTypedData({ typedData });
  if (view.kind === 'generic')
    return unprovable([], view.isWellFormed ? 'unknown-typed-data' : 'malformed-typed-data');
  // The signature is valid on the domain's chain; the request handler insists it is the active one.
  const domainChainId = view.domain.chainId === undefined ? chainId : Number(view.domain.chainId);
  const spends: Spend[] = [];
  for (const allowance of view.allowances)
    push(spends, permitSpend(allowance, domainChainId, view.spender));
  const isProvable =
    domainChainId === chainId &&
    spends.every((spend) => spend.asset !== 'native' && isKnownToken(spend.asset));
  return isProvable ? { spends, isProvable } : unprovable(spends, 'unknown-token');
}

function permitSpend(allowance: AllowanceView, chainId: number, spender: Address): Spend {
  return {
    kind: 'permit',
    chainId,
    asset: getAddress(allowance.token),
    amount: BigInt(allowance.amount),
    recipient: spender,
    isUnlimited: allowance.isUnlimited,
  };
}

/** Zero amounts spend nothing (approve 0 and a DAI permit with allowed=false revoke). */
function push(spends: Spend[], spend: Spend): void {
  if (spend.amount > 0n) spends.push(spend);
}

function unprovable(spends: readonly Spend[], reason: UnprovableReason): SpendExtraction {
  return { spends, isProvable: false, unprovableReason: reason };
}

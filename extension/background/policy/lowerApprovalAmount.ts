/**
 * The calldata of an ERC-20 approve or increaseAllowance with a lower amount: what the approval
 * window sends when the user caps an (often unlimited) approval a site asked for. Trusted: the
 * new amount (the user typed it). Not trusted: the calldata, decoded by describeTransaction, which
 * accepts only the canonical layout (selector, spender word, amount word, then any reference), so
 * the amount is always the second word and everything else is kept byte for byte.
 */
import { numberToHex } from 'viem';
import type { Address, Hex } from 'viem';
import { describeTransaction } from '../decode/describeTransaction.ts';
import { InvalidApprovalChangeError } from './errors.ts';

export type LowerApprovalAmountParameters = {
  transaction: { to?: Address | undefined; value: bigint; data?: Hex | undefined };
  /** Base units; more than 0 and less than the amount asked for. */
  amount: bigint;
};
export type LowerApprovalAmountReturnType = Hex;
export type LowerApprovalAmountErrorType = InvalidApprovalChangeError;

const amountWordStart = 2 + 8 + 64;
const amountWordEnd = amountWordStart + 64;

export function lowerApprovalAmount({
  transaction,
  amount,
}: LowerApprovalAmountParameters): LowerApprovalAmountReturnType {
  const action = describeTransaction({ transaction, knownTokens: [] });
  if (action.kind !== 'erc20-approve' && action.kind !== 'erc20-increase-allowance')
    throw new InvalidApprovalChangeError({ reason: 'the transaction is not an ERC-20 approval' });
  if (typeof amount !== 'bigint' || amount <= 0n || amount >= BigInt(action.amount))
    throw new InvalidApprovalChangeError({
      reason: 'the new amount must be above 0 and below the amount asked for',
    });
  const data = (transaction.data ?? '0x').toLowerCase();
  const word = numberToHex(amount, { size: 32 }).slice(2);
  return `${data.slice(0, amountWordStart)}${word}${data.slice(amountWordEnd)}` as Hex;
}

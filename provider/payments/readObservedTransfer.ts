import { decodeEventLog, erc20Abi, getAddress, isAddressEqual } from 'viem';
import type { ObservedTransfer } from './ChainObservations.ts';
import type { AgreedReceipt, AgreedTransaction, CanonicalBlock } from './AgreedChainFacts.ts';
import { readTransferReference } from './readTransferReference.ts';

/*
 * Pure: turns facts a quorum agreed on (a transaction, its receipt, its block) into a transfer,
 * or says why it is none. A token payment counts only through the `Transfer(from, to, value)`
 * log the token itself emitted, from the sender to the recipient the call named: calldata
 * alone proves nothing (the call may have reverted, or the token may move less than asked).
 */

/** The caller pairs them: the receipt is the transaction's, and its block is `block`. */
export type ReadObservedTransferParameters = {
  chainId: number;
  transaction: AgreedTransaction;
  receipt: AgreedReceipt;
  block: Pick<CanonicalBlock, 'hash' | 'number' | 'timestamp'>;
};

export type ReadObservedTransferReturnType =
  | { status: 'transfer'; transfer: ObservedTransfer }
  | { status: 'failed' }
  | { status: 'not_a_payment'; reason: 'no_reference' | 'not_a_transfer' };

export function readObservedTransfer({
  chainId,
  transaction,
  receipt,
  block,
}: ReadObservedTransferParameters): ReadObservedTransferReturnType {
  const reading = readTransferReference(transaction);
  if (reading.kind === 'not_a_payment') return { status: 'not_a_payment', reason: reading.reason };
  // `unknown` is not success: only an explicit 0x1 counts.
  if (receipt.status !== 'success') return { status: 'failed' };

  const to = reading.recipient;
  let amount = reading.amount;
  if (reading.kind === 'token') {
    const amounts = receipt.logs.flatMap((log) => {
      if (!isAddressEqual(log.address, reading.tokenAddress)) return [];
      const transfer = decodeTransferLog(log);
      if (transfer === undefined) return [];
      const isThisTransfer =
        isAddressEqual(transfer.from, transaction.from) &&
        isAddressEqual(transfer.to, reading.recipient);
      return isThisTransfer ? [transfer.value] : [];
    });
    // Exactly one: a token that logs none, or several, is not one whose amount we can read.
    const [logged] = amounts;
    if (amounts.length !== 1 || logged === undefined) {
      return { status: 'not_a_payment', reason: 'not_a_transfer' };
    }
    amount = logged;
  }
  if (amount <= 0n) return { status: 'not_a_payment', reason: 'not_a_transfer' };

  return {
    status: 'transfer',
    transfer: {
      chainId,
      txHash: transaction.hash,
      blockNumber: block.number,
      blockHash: block.hash,
      blockTime: new Date(Number(block.timestamp) * 1000),
      from: getAddress(transaction.from),
      to,
      tokenAddress: reading.kind === 'token' ? reading.tokenAddress : null,
      amount,
      reference: reading.reference,
    },
  };
}

function decodeTransferLog(
  log: AgreedReceipt['logs'][number],
): { from: `0x${string}`; to: `0x${string}`; value: bigint } | undefined {
  try {
    const decoded = decodeEventLog({
      abi: erc20Abi,
      eventName: 'Transfer',
      topics: [...log.topics] as [`0x${string}`, ...`0x${string}`[]],
      data: log.data,
      // Short data must throw, not decode to `value: undefined`.
      strict: true,
    });
    return decoded.args;
  } catch {
    return undefined;
  }
}

import {
  concat,
  encodeAbiParameters,
  encodeEventTopics,
  encodeFunctionData,
  erc20Abi,
  getAddress,
} from 'viem';
import type { Address, Hex } from 'viem';
import { describe, expect, test } from 'vitest';
import type { AgreedLog, AgreedReceipt, AgreedTransaction } from './AgreedChainFacts.ts';
import { readObservedTransfer } from './readObservedTransfer.ts';

const token = getAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3');
const otherToken = getAddress('0xe7f1725e7734ce288f8367e1bb143e90bb3f0512');
const shopper = getAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const merchant = getAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const stranger = getAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
const reference = '00112233445566778899aabbccddeeff';
const txHash: Hex = `0x${'11'.repeat(32)}`;
const block = { hash: `0x${'22'.repeat(32)}` as const, number: 7n, timestamp: 1_900_000_000n };

function transferLog({
  address = token,
  from = shopper,
  to = merchant,
  value = 25_000_000n,
}: { address?: Address; from?: Address; to?: Address; value?: bigint } = {}): AgreedLog {
  const topics = encodeEventTopics({ abi: erc20Abi, eventName: 'Transfer', args: { from, to } });
  return {
    address,
    topics: topics as Hex[],
    data: encodeAbiParameters([{ type: 'uint256' }], [value]),
  };
}

function tokenTransaction(amount = 25_000_000n): AgreedTransaction {
  const call = encodeFunctionData({
    abi: erc20Abi,
    functionName: 'transfer',
    args: [merchant, amount],
  });
  return {
    hash: txHash,
    from: shopper,
    to: token,
    input: concat([call, `0x${reference}`]),
    value: 0n,
    blockHash: block.hash,
    blockNumber: block.number,
  };
}

function receiptWith(
  logs: AgreedLog[],
  status: AgreedReceipt['status'] = 'success',
): AgreedReceipt {
  return {
    transactionHash: txHash,
    status,
    blockHash: block.hash,
    blockNumber: block.number,
    logs,
  };
}

describe('readObservedTransfer', () => {
  test('a token payment reports the amount of its Transfer log and the block it is in', () => {
    const outcome = readObservedTransfer({
      chainId: 31337,
      transaction: tokenTransaction(25_000_000n),
      // A fee-on-transfer token moves less than asked: the log's amount is what arrived.
      receipt: receiptWith([transferLog({ value: 24_000_000n })]),
      block,
    });
    expect(outcome).toEqual({
      status: 'transfer',
      transfer: {
        chainId: 31337,
        txHash,
        blockNumber: 7n,
        blockHash: block.hash,
        blockTime: new Date(1_900_000_000_000),
        from: shopper,
        to: merchant,
        tokenAddress: token,
        amount: 24_000_000n,
        reference,
      },
    });
  });

  test('a reverted transaction, or one with an unknown status, failed', () => {
    for (const status of ['reverted', 'unknown'] as const) {
      expect(
        readObservedTransfer({
          chainId: 31337,
          transaction: tokenTransaction(),
          receipt: receiptWith([transferLog()], status),
          block,
        }),
      ).toEqual({ status: 'failed' });
    }
  });

  test.each([
    ['no Transfer log', []],
    ['a log from another contract', [transferLog({ address: otherToken })]],
    ['a log from someone else', [transferLog({ from: stranger })]],
    ['a log to someone else', [transferLog({ to: stranger })]],
    ['two matching logs', [transferLog(), transferLog()]],
    ['a zero amount', [transferLog({ value: 0n })]],
    ['a log with short data', [{ ...transferLog(), data: '0x01' as const }]],
  ])('a token call with %s is not a transfer', (_label, logs) => {
    expect(
      readObservedTransfer({
        chainId: 31337,
        transaction: tokenTransaction(),
        receipt: receiptWith(logs),
        block,
      }),
    ).toEqual({ status: 'not_a_payment', reason: 'not_a_transfer' });
  });

  test('a native payment reports the transaction value', () => {
    const outcome = readObservedTransfer({
      chainId: 31337,
      transaction: { ...tokenTransaction(), to: merchant, input: `0x${reference}`, value: 5n },
      receipt: receiptWith([]),
      block,
    });
    expect(outcome).toMatchObject({
      status: 'transfer',
      transfer: { to: merchant, tokenAddress: null, amount: 5n, reference },
    });
  });

  test('a transaction without reference is not a payment, whatever its receipt', () => {
    const call = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [merchant, 1n],
    });
    expect(
      readObservedTransfer({
        chainId: 31337,
        transaction: { ...tokenTransaction(), input: call },
        receipt: receiptWith([transferLog()]),
        block,
      }),
    ).toEqual({ status: 'not_a_payment', reason: 'no_reference' });
  });
});

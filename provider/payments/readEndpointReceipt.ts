import { TransactionReceiptNotFoundError } from 'viem';
import type { Hex, PublicClient } from 'viem';
import { MalformedRpcAnswerError } from './errors.ts';
import type { AgreedReceipt } from './AgreedChainFacts.ts';

export type ReadEndpointReceiptParameters = { client: PublicClient; hash: Hex };

/** `null` when the endpoint has no receipt (unknown or pending transaction). */
export type ReadEndpointReceiptReturnType = AgreedReceipt | null;

export async function readEndpointReceipt({
  client,
  hash,
}: ReadEndpointReceiptParameters): Promise<ReadEndpointReceiptReturnType> {
  try {
    const receipt = await client.getTransactionReceipt({ hash });
    if (receipt.transactionHash.toLowerCase() !== hash.toLowerCase()) {
      throw new MalformedRpcAnswerError({
        method: 'eth_getTransactionReceipt',
        reason: 'another transaction',
      });
    }
    return {
      transactionHash: receipt.transactionHash,
      // viem leaves a status other than 0x0 / 0x1 undefined: that is not success.
      status:
        (receipt.status as string | undefined) === 'success'
          ? 'success'
          : (receipt.status as string | undefined) === 'reverted'
            ? 'reverted'
            : 'unknown',
      blockHash: receipt.blockHash,
      blockNumber: receipt.blockNumber,
      logs: receipt.logs.map(({ address, topics, data }) => ({ address, topics, data })),
    };
  } catch (error) {
    if (error instanceof TransactionReceiptNotFoundError) return null;
    throw error;
  }
}

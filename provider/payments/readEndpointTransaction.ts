import { TransactionNotFoundError } from 'viem';
import type { Hex, PublicClient } from 'viem';
import { MalformedRpcAnswerError } from './errors.ts';
import type { AgreedTransaction } from './AgreedChainFacts.ts';

export type ReadEndpointTransactionParameters = { client: PublicClient; hash: Hex };

/** `null` when the endpoint says there is no such transaction (itself an answer to agree on). */
export type ReadEndpointTransactionReturnType = AgreedTransaction | null;

export async function readEndpointTransaction({
  client,
  hash,
}: ReadEndpointTransactionParameters): Promise<ReadEndpointTransactionReturnType> {
  try {
    const transaction = await client.getTransaction({ hash });
    if (transaction.hash.toLowerCase() !== hash.toLowerCase()) {
      throw new MalformedRpcAnswerError({
        method: 'eth_getTransactionByHash',
        reason: 'another transaction',
      });
    }
    return {
      hash: transaction.hash,
      from: transaction.from,
      to: transaction.to,
      input: transaction.input,
      value: transaction.value,
      blockHash: transaction.blockHash,
      blockNumber: transaction.blockNumber,
    };
  } catch (error) {
    if (error instanceof TransactionNotFoundError) return null;
    throw error;
  }
}

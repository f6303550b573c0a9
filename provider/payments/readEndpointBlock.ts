import type { Hex, PublicClient } from 'viem';
import type { CanonicalBlock } from './AgreedChainFacts.ts';
import { MalformedRpcAnswerError } from './errors.ts';
import type { TransferReferenceTransaction } from './readTransferReference.ts';

export type ReadEndpointBlockParameters = {
  client: PublicClient;
  blockNumber: bigint;
  /** Also return the transactions' bodies, to find payment candidates in them. */
  includeTransactions: boolean;
};

export type EndpointTransaction = TransferReferenceTransaction & { hash: Hex };

export type ReadEndpointBlockReturnType = {
  /** What the quorum compares. */
  block: CanonicalBlock;
  /** What this endpoint says the transactions are (empty unless asked); never trusted as such. */
  transactions: readonly EndpointTransaction[];
};

/** One endpoint's block at a height. Throws when it has none (that endpoint gives no answer). */
export async function readEndpointBlock({
  client,
  blockNumber,
  includeTransactions,
}: ReadEndpointBlockParameters): Promise<ReadEndpointBlockReturnType> {
  const answer = await client.getBlock({ blockNumber, includeTransactions });
  // viem types these as set for a numbered block; a lying or broken endpoint may not set them.
  const hash = answer.hash as Hex | null;
  const number = answer.number as bigint | null;
  if (hash === null || number !== blockNumber) {
    throw new MalformedRpcAnswerError({
      method: 'eth_getBlockByNumber',
      reason: hash === null ? 'a block without a hash' : 'another height',
    });
  }
  const transactions: EndpointTransaction[] = [];
  const hashes: Hex[] = [];
  for (const transaction of answer.transactions) {
    if (typeof transaction === 'string') {
      hashes.push(transaction);
    } else {
      hashes.push(transaction.hash);
      transactions.push({
        hash: transaction.hash,
        to: transaction.to,
        input: transaction.input,
        value: transaction.value,
      });
    }
  }
  return {
    block: {
      number,
      hash,
      parentHash: answer.parentHash,
      timestamp: answer.timestamp,
      transactions: hashes,
    },
    transactions,
  };
}

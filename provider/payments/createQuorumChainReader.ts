import type { Hex, PublicClient } from 'viem';
import type { CanonicalBlock } from './AgreedChainFacts.ts';
import type { ObservedTransfer } from './ChainObservations.ts';
import { connectRpcEndpoint } from './connectRpcEndpoint.ts';
import {
  InvalidPaymentsOptionError,
  InvalidTransactionHashError,
  NoQuorumError,
} from './errors.ts';
import { findQuorumHead } from './findQuorumHead.ts';
import { findQuorumValue } from './findQuorumValue.ts';
import type { InspectedTransaction } from './InspectedTransaction.ts';
import type { PaymentsLogger } from './PaymentsLogger.ts';
import { silentPaymentsLogger } from './PaymentsLogger.ts';
import { quorumSize } from './quorumSize.ts';
import { readEndpointBlock } from './readEndpointBlock.ts';
import { readEndpointReceipt } from './readEndpointReceipt.ts';
import { readEndpointTransaction } from './readEndpointTransaction.ts';
import { readObservedTransfer } from './readObservedTransfer.ts';
import { readTransferReference } from './readTransferReference.ts';

/*
 * Trusted: a quorum of the configured endpoints (q of n, see quorumSize) and the configuration.
 * Not trusted: a single endpoint, nor up to f = ⌊(n − 1) / 3⌋ of them colluding. Every fact
 * returned here (head, block, transaction, receipt) is one that q endpoints gave identically;
 * otherwise the answer is "no quorum" (NoQuorumError, or `no_quorum` from inspectTransaction).
 * Discovery takes candidates from every endpoint's copy of a block, so a lying endpoint can
 * neither hide a payment (an honest copy lists it) nor invent one (its facts need a quorum).
 */

export type { InspectedTransaction } from './InspectedTransaction.ts';

export type CreateQuorumChainReaderParameters = {
  chainId: number;
  /** http(s):// or ws(s):// JSON-RPC URLs, each a different provider; n counts these. */
  endpoints: readonly string[];
  /** Per request to one endpoint. Default 10 s. */
  timeoutMs?: number;
  log?: PaymentsLogger;
};

export type QuorumChainReader = {
  readonly chainId: number;
  readonly endpointCount: number;
  /** q: identical answers needed for a fact. */
  readonly quorum: number;
  /** f: endpoints that may lie or fail. */
  readonly faultTolerance: number;
  /** The highest block number a quorum has reached. Throws NoQuorumError. */
  readHead(): Promise<bigint>;
  /** The block a quorum has at this height (transaction hashes only). Throws NoQuorumError. */
  readBlock(blockNumber: bigint): Promise<CanonicalBlock>;
  /** The block a quorum has at this height and the payments in it, in block order. Throws NoQuorumError. */
  readBlockTransfers(
    blockNumber: bigint,
  ): Promise<{ block: CanonicalBlock; transfers: ObservedTransfer[] }>;
  /** What a quorum says about one transaction; never throws for RPC trouble. */
  inspectTransaction(txHash: Hex): Promise<InspectedTransaction>;
  /** Calls `onHead` on each new head announced by a ws:// endpoint; returns an unsubscribe. */
  watchHeads(onHead: () => void): () => void;
  /** Closes the WebSockets this reader opened. */
  close(): Promise<void>;
};

export type CreateQuorumChainReaderReturnType = QuorumChainReader;

export type CreateQuorumChainReaderErrorType = InvalidPaymentsOptionError;

export function createQuorumChainReader({
  chainId,
  endpoints,
  timeoutMs = 10_000,
  log = silentPaymentsLogger,
}: CreateQuorumChainReaderParameters): CreateQuorumChainReaderReturnType {
  assertReaderOptions({ chainId, endpoints, timeoutMs });
  const { quorum, faultTolerance } = quorumSize({ endpointCount: endpoints.length });
  const connected = endpoints.map((url) => connectRpcEndpoint({ url, chainId, timeoutMs, log }));

  function askAll<Answer>(
    read: (client: PublicClient) => Promise<Answer>,
  ): Promise<(Answer | undefined)[]> {
    return Promise.all(connected.map((endpoint) => endpoint.ask(read)));
  }

  function agree<Value>(fact: string, answers: readonly (Value | undefined)[]): Value {
    const outcome = findQuorumValue({ answers, quorum });
    if (outcome.status === 'agreed') return outcome.value;
    throw new NoQuorumError({
      chainId,
      fact,
      endpoints: endpoints.length,
      answered: outcome.answered,
      largestAgreement: outcome.largestAgreement,
      quorum,
    });
  }

  async function readHead(): Promise<bigint> {
    const heads = await askAll((client) => client.getBlockNumber({ cacheTime: 0 }));
    const head = findQuorumHead({ heads, quorum });
    if (head !== undefined) return head;
    const answered = heads.filter((answer) => answer !== undefined).length;
    throw new NoQuorumError({
      chainId,
      fact: 'the head',
      endpoints: endpoints.length,
      answered,
      largestAgreement: answered,
      quorum,
    });
  }

  async function readBlock(blockNumber: bigint): Promise<CanonicalBlock> {
    const answers = await askAll((client) =>
      readEndpointBlock({ client, blockNumber, includeTransactions: false }),
    );
    return agree(
      `block ${blockNumber}`,
      answers.map((answer) => answer?.block),
    );
  }

  /** The quorum's transaction, `null` when the quorum knows none. */
  async function readAgreedTransaction(hash: Hex) {
    const answers = await askAll((client) => readEndpointTransaction({ client, hash }));
    return agree(`transaction ${hash}`, answers);
  }

  /** The quorum's receipt of `hash` in the block `blockHash`: anything else agrees with nobody. */
  async function readAgreedReceipt(hash: Hex, blockHash: Hex) {
    const answers = await askAll((client) => readEndpointReceipt({ client, hash }));
    const inBlock = answers.map((receipt) =>
      receipt != null && isSameHex(receipt.blockHash, blockHash) ? receipt : undefined,
    );
    return agree(`the receipt of ${hash} in block ${blockHash}`, inBlock);
  }

  async function readCandidate(
    block: CanonicalBlock,
    hash: Hex,
  ): Promise<ObservedTransfer | undefined> {
    const transaction = await readAgreedTransaction(hash);
    // Not there, or in another block (a liar listed it here): the quorum decides, not the list.
    if (transaction === null || !isSameHex(transaction.blockHash, block.hash)) return undefined;
    if (readTransferReference(transaction).kind === 'not_a_payment') return undefined;
    const receipt = await readAgreedReceipt(hash, block.hash);
    const outcome = readObservedTransfer({ chainId, transaction, receipt, block });
    return outcome.status === 'transfer' ? outcome.transfer : undefined;
  }

  async function readBlockTransfers(blockNumber: bigint) {
    const answers = await askAll((client) =>
      readEndpointBlock({ client, blockNumber, includeTransactions: true }),
    );
    const block = agree(
      `block ${blockNumber}`,
      answers.map((answer) => answer?.block),
    );
    // Every endpoint's copy, not only the quorum's: a payment any copy shows gets checked.
    const candidates = new Set<Hex>();
    for (const answer of answers) {
      for (const transaction of answer?.transactions ?? []) {
        if (readTransferReference(transaction).kind !== 'not_a_payment') {
          candidates.add(transaction.hash.toLowerCase() as Hex);
        }
      }
    }
    const found = await Promise.all([...candidates].map((hash) => readCandidate(block, hash)));
    const position = new Map(block.transactions.map((hash, index) => [hash.toLowerCase(), index]));
    const transfers = found
      .filter((transfer) => transfer !== undefined)
      .sort(
        (left, right) =>
          (position.get(left.txHash.toLowerCase()) ?? Infinity) -
          (position.get(right.txHash.toLowerCase()) ?? Infinity),
      );
    return { block, transfers };
  }

  async function inspectTransaction(txHash: Hex): Promise<InspectedTransaction> {
    if (typeof txHash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(txHash)) {
      throw new InvalidTransactionHashError({ received: txHash });
    }
    const hash = txHash.toLowerCase() as Hex;
    try {
      const transaction = await readAgreedTransaction(hash);
      if (transaction?.blockHash == null || transaction.blockNumber === null) {
        return { status: 'not_found' };
      }
      const reading = readTransferReference(transaction);
      if (reading.kind === 'not_a_payment') {
        return { status: 'not_a_payment', reason: reading.reason };
      }
      const receipt = await readAgreedReceipt(hash, transaction.blockHash);
      if (receipt.status !== 'success') return { status: 'failed' };
      const [block, head] = await Promise.all([readBlock(transaction.blockNumber), readHead()]);
      // The block at that height moved on since the transaction was read: ask again later.
      if (!isSameHex(block.hash, transaction.blockHash)) return { status: 'no_quorum' };
      const outcome = readObservedTransfer({ chainId, transaction, receipt, block });
      if (outcome.status !== 'transfer') return outcome;
      const confirmations = head >= block.number ? Number(head - block.number + 1n) : 0;
      return { status: 'transfer', transfer: outcome.transfer, confirmations };
    } catch (error) {
      if (error instanceof NoQuorumError) return { status: 'no_quorum' };
      throw error;
    }
  }

  return {
    chainId,
    endpointCount: endpoints.length,
    quorum,
    faultTolerance,
    readHead,
    readBlock,
    readBlockTransfers,
    inspectTransaction,
    watchHeads(onHead) {
      const unwatchAll = connected.map((endpoint) => endpoint.watchHeads(onHead));
      return () => {
        for (const unwatch of unwatchAll) unwatch();
      };
    },
    async close() {
      await Promise.all(connected.map((endpoint) => endpoint.close()));
    },
  };
}

function isSameHex(left: Hex | null, right: Hex): boolean {
  return left !== null && left.toLowerCase() === right.toLowerCase();
}

function assertReaderOptions({
  chainId,
  endpoints,
  timeoutMs,
}: {
  chainId: number;
  endpoints: readonly string[];
  timeoutMs: number;
}): void {
  if (!Number.isSafeInteger(chainId) || chainId < 1) {
    throw new InvalidPaymentsOptionError({ option: 'chainId', expected: 'a positive integer' });
  }
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000) {
    throw new InvalidPaymentsOptionError({
      option: 'timeoutMs',
      expected: 'an integer from 1 to 120000',
    });
  }
  const seen = new Set<string>();
  for (const url of endpoints) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidPaymentsOptionError({ option: 'endpoints', expected: 'absolute URLs' });
    }
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
      throw new InvalidPaymentsOptionError({
        option: 'endpoints',
        expected: 'http://, https://, ws:// or wss:// URLs',
      });
    }
    // The same endpoint twice would count one provider's word twice toward the quorum.
    if (seen.has(parsed.href)) {
      throw new InvalidPaymentsOptionError({ option: 'endpoints', expected: 'distinct URLs' });
    }
    seen.add(parsed.href);
  }
}

import type { Database } from '../db/Database.ts';
import { createChainWatcher } from '../payments/createChainWatcher.ts';
import type { ChainWatcher } from '../payments/createChainWatcher.ts';
import { createQuorumChainReader } from '../payments/createQuorumChainReader.ts';
import type { QuorumChainReader } from '../payments/createQuorumChainReader.ts';
import type { PaymentsLogger } from '../payments/PaymentsLogger.ts';
import { silentPaymentsLogger } from '../payments/PaymentsLogger.ts';
import { applyChainObservations } from './applyChainObservations.ts';
import type { OnSessionPaid } from './applyChainObservations.ts';
import type { PaymentChain } from './PaymentChain.ts';

/** One chain to watch. */
export type WatchedChainSettings = {
  chainId: number;
  /** JSON-RPC endpoints of different providers (http(s):// or ws(s)://): a quorum decides. */
  rpcUrls: readonly string[];
  /** Blocks, the payment's own included, before a payment counts. */
  confirmations: number;
};

export type CreatePaymentDetectionParameters = {
  db: Database;
  chains: readonly WatchedChainSettings[];
  now: () => Date;
  log?: PaymentsLogger | undefined;
  /** How often each watcher looks for a new head (ws:// endpoints also push new heads). */
  pollIntervalMs: number;
  /** Blocks per watcher step at most. Default 50. */
  maxBlocksPerStep?: number;
  /** On a chain's very first run, start this many blocks below its head. Default 0. */
  initialBackfillBlocks?: number;
  /** See `applyChainObservations`: told, in the transaction, of each session that became paid. */
  onSessionPaid?: OnSessionPaid | undefined;
};

export type PaymentDetection = {
  /** By chain id: what `POST /v1/checkout/sessions/{id}/payments` checks and pokes. */
  chains: ReadonlyMap<number, PaymentChain>;
  /** The watchers, one per chain. */
  watchers: ReadonlyMap<number, ChainWatcher>;
  start(): void;
  /** Stops every watcher (after its running step) and closes the readers' sockets. */
  stop(): Promise<void>;
};

export type CreatePaymentDetectionReturnType = PaymentDetection;

/**
 * Payment detection for a set of chains: per chain a quorum reader and a watcher whose steps
 * go through `applyChainObservations` with that chain's required confirmations.
 */
export function createPaymentDetection({
  db,
  chains: settings,
  now,
  log = silentPaymentsLogger,
  pollIntervalMs,
  maxBlocksPerStep = 50,
  initialBackfillBlocks = 0,
  onSessionPaid,
}: CreatePaymentDetectionParameters): CreatePaymentDetectionReturnType {
  const readers: QuorumChainReader[] = [];
  const watchers = new Map<number, ChainWatcher>();
  const chains = new Map<number, PaymentChain>();
  for (const { chainId, rpcUrls, confirmations } of settings) {
    const reader = createQuorumChainReader({ chainId, endpoints: rpcUrls, log });
    readers.push(reader);
    const watcher = createChainWatcher({
      db,
      reader,
      apply: (transaction, observations) =>
        applyChainObservations({
          transaction,
          observations,
          requiredConfirmations: confirmations,
          now: now(),
          log,
          onSessionPaid,
        }),
      now,
      log,
      pollIntervalMs,
      maxBlocksPerStep,
      initialBackfillBlocks,
    });
    watchers.set(chainId, watcher);
    chains.set(chainId, {
      chainId,
      inspectTransaction: (txHash) => reader.inspectTransaction(txHash),
      poke: () => {
        watcher.poke();
      },
    });
  }
  return {
    chains,
    watchers,
    start() {
      for (const watcher of watchers.values()) watcher.start();
    },
    async stop() {
      await Promise.all([...watchers.values()].map((watcher) => watcher.stop()));
      await Promise.all(readers.map((reader) => reader.close()));
    },
  };
}

import type { Hex } from 'viem';
import type { InspectedTransaction } from '../payments/InspectedTransaction.ts';

/**
 * What the payments route needs of one watched chain: the chain's quorum reader, to look at a
 * reported transaction at once, and its watcher, to record it (the watcher is the only writer of
 * payments, so a reported transaction goes through the same checks and reorg handling as one
 * the watcher finds on its own).
 */
export type PaymentChain = {
  readonly chainId: number;
  /** What a quorum of the chain's endpoints says about the transaction; never throws for RPC trouble. */
  inspectTransaction(txHash: Hex): Promise<InspectedTransaction>;
  /** Asks the watcher to take a step now rather than at its next poll. */
  poke(): void;
};

import type { Hex } from 'viem';

/** A block the watcher accepted, as kept in `chain_blocks` (or the cursor's own block). */
export type StoredChainBlock = { number: bigint; hash: Hex };

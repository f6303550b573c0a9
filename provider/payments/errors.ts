import { TpError } from '../../shared/errors/TpError.ts';

/**
 * The errors of payment detection; each `code` is stable. None of them is fatal to the watcher:
 * it logs them and tries again next round.
 */

/** Fewer than a quorum of endpoints gave the same answer: the fact is unknown, never guessed. */
export class NoQuorumError extends TpError {
  override name = 'NoQuorumError';
  override readonly code = 'payments/no-quorum';

  constructor({
    chainId,
    fact,
    endpoints,
    answered,
    largestAgreement,
    quorum,
  }: {
    chainId: number;
    /** What was asked, like `head` or `block 12`. */
    fact: string;
    endpoints: number;
    answered: number;
    largestAgreement: number;
    quorum: number;
  }) {
    super({
      code: 'payments/no-quorum',
      shortMessage: `No quorum of RPC endpoints agrees on ${fact} of chain ${chainId}.`,
      details: { chainId, fact, endpoints, answered, largestAgreement, quorum },
    });
  }
}

/** Blocks read in one step do not link by parent hash: the chain moved while it was read. */
export class BrokenChainLinkError extends TpError {
  override name = 'BrokenChainLinkError';
  override readonly code = 'payments/broken-chain-link';

  constructor({
    chainId,
    blockNumber,
    parentHash,
    expectedParentHash,
  }: {
    chainId: number;
    blockNumber: bigint;
    parentHash: string;
    expectedParentHash: string;
  }) {
    super({
      code: 'payments/broken-chain-link',
      shortMessage: `Block ${blockNumber} of chain ${chainId} does not extend the block before it; retrying.`,
      details: { chainId, blockNumber, parentHash, expectedParentHash },
    });
  }
}

/** Every block the watcher still remembers was replaced: it cannot tell what else a reorg undid. */
export class ReorgTooDeepError extends TpError {
  override name = 'ReorgTooDeepError';
  override readonly code = 'payments/reorg-too-deep';

  constructor({ chainId, oldestKnownBlock }: { chainId: number; oldestKnownBlock: bigint }) {
    super({
      code: 'payments/reorg-too-deep',
      shortMessage: `Chain ${chainId} was reorganised below block ${oldestKnownBlock}, the oldest the watcher keeps; needs an operator.`,
      details: { chainId, oldestKnownBlock },
    });
  }
}

/** A parameter the payments module cannot work with (a programming or configuration error). */
export class InvalidPaymentsOptionError extends TpError {
  override name = 'InvalidPaymentsOptionError';
  override readonly code = 'payments/invalid-option';

  constructor({ option, expected }: { option: string; expected: string }) {
    super({
      code: 'payments/invalid-option',
      shortMessage: `Invalid payments option: ${option} must be ${expected}.`,
      details: { option, expected },
    });
  }
}

/** `inspectTransaction` was given something that is not a 32-byte hex transaction hash. */
export class InvalidTransactionHashError extends TpError {
  override name = 'InvalidTransactionHashError';
  override readonly code = 'payments/invalid-transaction-hash';

  constructor({ received }: { received: unknown }) {
    super({
      code: 'payments/invalid-transaction-hash',
      shortMessage: 'A transaction hash is 0x followed by 64 hex digits.',
      details: { received: typeof received === 'string' ? received.slice(0, 80) : typeof received },
    });
  }
}

/** One endpoint's answer does not fit the question (another hash, another height): no answer. */
export class MalformedRpcAnswerError extends TpError {
  override name = 'MalformedRpcAnswerError';
  override readonly code = 'payments/malformed-rpc-answer';

  constructor({ method, reason }: { method: string; reason: string }) {
    super({
      code: 'payments/malformed-rpc-answer',
      shortMessage: `An RPC endpoint answered ${method} with ${reason}; counted as no answer.`,
      details: { method, reason },
    });
  }
}

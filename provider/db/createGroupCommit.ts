export type GroupCommitOutcome<Result> =
  | { readonly isWritten: true; readonly value: Result }
  | { readonly isWritten: false; readonly error: unknown };

export type CreateGroupCommitParameters<Item, Result> = {
  /**
   * Writes one batch and settles each item: one outcome per item, in their order. If it throws,
   * every item of the batch fails with that error.
   */
  write: (items: readonly Item[]) => Promise<readonly GroupCommitOutcome<Result>[]>;
  /** Most items per batch. Default 64. */
  maxBatchSize?: number;
  /** Batches written at once (PGlite runs one statement at a time anyway). Default 1. */
  maxConcurrentBatches?: number;
  /** Most turns of the event loop an idle writer waits for more items (see below). Default 8. */
  maxGatherTurns?: number;
};

export type GroupCommit<Item, Result> = {
  /** Resolves once the batch holding `item` is written, with `item`'s own outcome. */
  submit(item: Item): Promise<Result>;
};

export type CreateGroupCommitReturnType<Item, Result> = GroupCommit<Item, Result>;

/*
 * Why: each statement costs the database far more than each row it writes, so requests that
 * arrive together are written together. While a batch is being written the next one gathers
 * whatever arrives meanwhile. An idle writer waits only while items keep coming: it looks again
 * at the end of each turn of the event loop (setImmediate, after the sockets that were ready
 * have been read), and starts at the first turn that brought nothing new, when the batch is
 * full, or after `maxGatherTurns` turns; that is microseconds, never a timer. (Clients answered
 * together send their next requests a few microseconds apart: starting at the first one made
 * batches of two and eight in turn, and a tenth fewer quotes per second.) Nobody is answered
 * before the batch holding their item is written.
 */

/** Group commit: items submitted while a batch is being written are written in the next one. */
export function createGroupCommit<Item, Result>({
  write,
  maxBatchSize = 64,
  maxConcurrentBatches = 1,
  maxGatherTurns = 8,
}: CreateGroupCommitParameters<Item, Result>): CreateGroupCommitReturnType<Item, Result> {
  if (!(maxBatchSize >= 1) || !(maxConcurrentBatches >= 1) || !(maxGatherTurns >= 0)) {
    throw new RangeError(
      'a group commit needs maxBatchSize ≥ 1, maxConcurrentBatches ≥ 1 and maxGatherTurns ≥ 0',
    );
  }
  type Waiting = { item: Item; resolve: (value: Result) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let running = 0;
  let isScheduled = false;

  function schedule(): void {
    if (isScheduled || running >= maxConcurrentBatches || waiting.length === 0) return;
    isScheduled = true;
    let seen = waiting.length;
    let turns = 0;
    const gather = (): void => {
      const isGrowing = waiting.length > seen;
      if (isGrowing && waiting.length < maxBatchSize && turns < maxGatherTurns) {
        seen = waiting.length;
        turns++;
        setImmediate(gather);
        return;
      }
      startBatches();
    };
    // The first look always waits one more turn: the rest of a burst is usually on its way.
    setImmediate(() => {
      seen = Math.min(seen, waiting.length - 1);
      gather();
    });
  }

  function startBatches(): void {
    isScheduled = false;
    while (running < maxConcurrentBatches && waiting.length > 0) {
      const batch = waiting.slice(0, maxBatchSize);
      waiting = waiting.slice(batch.length);
      running++;
      void writeBatch(batch).finally(() => {
        running--;
        schedule();
      });
    }
  }

  async function writeBatch(batch: readonly Waiting[]): Promise<void> {
    let outcomes: readonly GroupCommitOutcome<Result>[];
    try {
      outcomes = await write(batch.map((each) => each.item));
      if (outcomes.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} got ${outcomes.length} outcomes`);
      }
    } catch (error) {
      for (const each of batch) each.reject(error);
      return;
    }
    batch.forEach((each, index) => {
      const outcome = outcomes[index];
      if (outcome?.isWritten === true) each.resolve(outcome.value);
      else each.reject(outcome?.error);
    });
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createGroupCommit } from './createGroupCommit.ts';
import type { GroupCommitOutcome } from './createGroupCommit.ts';

/** A write that records its batches and answers each item doubled, until released. */
function recordingWrite() {
  const batches: number[][] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  return {
    batches,
    hold() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => {
      release();
    },
    write: async (items: readonly number[]): Promise<GroupCommitOutcome<number>[]> => {
      batches.push([...items]);
      await gate;
      return items.map((item) => ({ isWritten: true, value: item * 2 }));
    },
  };
}

describe('createGroupCommit', () => {
  test('writes the items submitted together in one batch, each answered with its own result', async () => {
    const recorder = recordingWrite();
    const commit = createGroupCommit({ write: recorder.write });
    const results = await Promise.all([1, 2, 3].map((item) => commit.submit(item)));
    expect(results).toEqual([2, 4, 6]);
    expect(recorder.batches).toEqual([[1, 2, 3]]);
  });

  test('gathers what arrives during a write into the next batch, never into a running one', async () => {
    const recorder = recordingWrite();
    recorder.hold();
    const commit = createGroupCommit({ write: recorder.write });
    const first = commit.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(recorder.batches).toEqual([[1]]);
    const later = [commit.submit(2), commit.submit(3)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(recorder.batches).toEqual([[1]]);
    recorder.release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6]);
    expect(recorder.batches).toEqual([[1], [2, 3]]);
  });

  test('answers nobody before the batch holding their item is written', async () => {
    const recorder = recordingWrite();
    recorder.hold();
    const commit = createGroupCommit({ write: recorder.write });
    let isAnswered = false;
    const pending = commit.submit(7).then((value) => {
      isAnswered = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(isAnswered).toBe(false);
    recorder.release();
    expect(await pending).toBe(14);
  });

  test('an idle writer waits while items keep coming, turn after turn, then writes them together', async () => {
    const recorder = recordingWrite();
    const commit = createGroupCommit({ write: recorder.write });
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const answers = [commit.submit(1)];
    await nextTurn();
    answers.push(commit.submit(2));
    await nextTurn();
    answers.push(commit.submit(3));
    expect(await Promise.all(answers)).toEqual([2, 4, 6]);
    expect(recorder.batches).toEqual([[1, 2, 3]]);
  });

  test('does not wait for more once the batch is full, nor with maxGatherTurns 0', async () => {
    const full = recordingWrite();
    const fullCommit = createGroupCommit({ write: full.write, maxBatchSize: 2 });
    const pair = [fullCommit.submit(1), fullCommit.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(full.batches).toEqual([[1, 2]]);
    await Promise.all(pair);

    const eager = recordingWrite();
    const eagerCommit = createGroupCommit({ write: eager.write, maxGatherTurns: 0 });
    const alone = eagerCommit.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(eager.batches).toEqual([[1]]);
    await alone;
  });

  test('splits beyond maxBatchSize', async () => {
    const recorder = recordingWrite();
    const commit = createGroupCommit({ write: recorder.write, maxBatchSize: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((item) => commit.submit(item)));
    expect(recorder.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  test('a batch that fails fails each of its items with the error, and the next batch runs', async () => {
    const failure = new Error('connection lost');
    let calls = 0;
    const commit = createGroupCommit<number, number>({
      write: (items) => {
        calls++;
        if (calls === 1) return Promise.reject(failure);
        return Promise.resolve(items.map((item) => ({ isWritten: true as const, value: item })));
      },
    });
    const failed = await Promise.allSettled([commit.submit(1), commit.submit(2)]);
    expect(failed).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(await commit.submit(3)).toBe(3);
  });

  test('settles each item by its own outcome', async () => {
    const commit = createGroupCommit<number, number>({
      write: (items) =>
        Promise.resolve(
          items.map((item) =>
            item % 2 === 0
              ? { isWritten: true as const, value: item }
              : { isWritten: false as const, error: new Error(`odd ${item}`) },
          ),
        ),
    });
    const settled = await Promise.allSettled([1, 2, 3].map((item) => commit.submit(item)));
    expect(settled.map((each) => each.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('odd 3'));
  });

  test('refuses an answer with the wrong number of outcomes instead of guessing', async () => {
    const commit = createGroupCommit<number, number>({
      write: () => Promise.resolve([{ isWritten: true as const, value: 1 }]),
    });
    const settled = await Promise.allSettled([commit.submit(1), commit.submit(2)]);
    expect(settled.map((each) => each.status)).toEqual(['rejected', 'rejected']);
  });

  test('every item is written exactly once and answered with its own result (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (delays, maxBatchSize, maxConcurrentBatches) => {
          const written: number[] = [];
          let running = 0;
          let mostRunning = 0;
          const commit = createGroupCommit<number, number>({
            maxBatchSize,
            maxConcurrentBatches,
            write: async (items) => {
              running++;
              mostRunning = Math.max(mostRunning, running);
              expect(items.length).toBeLessThanOrEqual(maxBatchSize);
              await new Promise((resolve) => setTimeout(resolve, 1));
              written.push(...items);
              running--;
              return items.map((item) => ({ isWritten: true as const, value: -item }));
            },
          });
          const answers = await Promise.all(
            delays.map(async (delay, index) => {
              await new Promise((resolve) => setTimeout(resolve, delay));
              return commit.submit(index);
            }),
          );
          expect(answers).toEqual(delays.map((_delay, index) => -index));
          expect([...written].sort((a, b) => a - b)).toEqual(delays.map((_delay, index) => index));
          expect(mostRunning).toBeLessThanOrEqual(maxConcurrentBatches);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('refuses a batch size or concurrency below one, and negative gather turns', () => {
    const write = () => Promise.resolve([]);
    expect(() => createGroupCommit({ write, maxBatchSize: 0 })).toThrow(RangeError);
    expect(() => createGroupCommit({ write, maxConcurrentBatches: 0 })).toThrow(RangeError);
    expect(() => createGroupCommit({ write, maxGatherTurns: -1 })).toThrow(RangeError);
  });
});

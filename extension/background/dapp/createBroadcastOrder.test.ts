import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBroadcastOrder } from './createBroadcastOrder.ts';
import type { BroadcastSlot } from './createBroadcastOrder.ts';

class NonceTooHighError extends Error {}

const isTooEarly = (error: unknown) => error instanceof NonceTooHighError;

/** A promise with its resolve and reject, to answer a send when the test says so. */
function deferred<Value>() {
  let resolve = (_value: Value): void => undefined;
  let reject = (_error: unknown): void => undefined;
  const promise = new Promise<Value>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}

function slotAt(slots: readonly BroadcastSlot[], index: number): BroadcastSlot {
  const slot = slots[index];
  if (slot === undefined) throw new Error(`no slot ${index}`);
  return slot;
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('createBroadcastOrder', () => {
  it('sends the next nonce once the one below has started, without waiting for its answer', async () => {
    const order = createBroadcastOrder({ isTooEarly });
    const started: number[] = [];
    const answers = [deferred<string>(), deferred<string>(), deferred<string>()];
    const slots = [5, 6, 7].map((nonce) => order.enter('1:0xa', nonce));
    // Signing finishes out of order: 7 first, then 6, then 5.
    const sends = [2, 1, 0].map((index) =>
      slotAt(slots, index).broadcast(() => {
        started.push(index + 5);
        return answers[index]?.promise ?? Promise.reject(new Error('no answer'));
      }),
    );
    await settle();
    expect(started).toEqual([5, 6, 7]);
    for (const [index, answer] of answers.entries()) answer.resolve(`0x${index + 5}`);
    expect(await Promise.all(sends)).toEqual(['0x7', '0x6', '0x5']);
  });

  it('retries once, after the one below is answered, a nonce the node refused as too early', async () => {
    const order = createBroadcastOrder({ isTooEarly });
    const calls: string[] = [];
    const below = deferred<string>();
    const lower = order.enter('1:0xa', 1);
    const upper = order.enter('1:0xa', 2);
    const lowerSend = lower.broadcast(() => {
      calls.push('send 1');
      return below.promise;
    });
    let attempts = 0;
    const upperSend = upper.broadcast(() => {
      attempts += 1;
      calls.push(`send 2 (attempt ${attempts})`);
      return attempts === 1 ? Promise.reject(new NonceTooHighError()) : Promise.resolve('0x2');
    });
    await settle();
    expect(calls).toEqual(['send 1', 'send 2 (attempt 1)']);
    calls.push('1 answered');
    below.resolve('0x1');
    expect(await Promise.all([lowerSend, upperSend])).toEqual(['0x1', '0x2']);
    expect(calls).toEqual(['send 1', 'send 2 (attempt 1)', '1 answered', 'send 2 (attempt 2)']);
  });

  it('does not retry other refusals, nor a too-early refusal with nothing below it', async () => {
    const order = createBroadcastOrder({ isTooEarly });
    let sends = 0;
    const refused = new Error('insufficient funds for gas');
    await expect(
      order.enter('1:0xa', 1).broadcast(() => {
        sends += 1;
        return Promise.reject(refused);
      }),
    ).rejects.toBe(refused);
    const early = new NonceTooHighError();
    await expect(
      order.enter('1:0xa', 9).broadcast(() => {
        sends += 1;
        return Promise.reject(early);
      }),
    ).rejects.toBe(early);
    expect(sends).toBe(2);
  });

  it('a cancelled slot lets the one above go; another sender or chain never waits', async () => {
    const order = createBroadcastOrder({ isTooEarly });
    const held = order.enter('1:0xa', 3);
    const above = order.enter('1:0xa', 4);
    const otherSender = order.enter('1:0xb', 4);
    const otherChain = order.enter('10:0xa', 4);
    const sent: string[] = [];
    const aboveSend = above.broadcast(() => {
      sent.push('above');
      return Promise.resolve('above');
    });
    await otherSender.broadcast(() => {
      sent.push('other sender');
      return Promise.resolve('');
    });
    await otherChain.broadcast(() => {
      sent.push('other chain');
      return Promise.resolve('');
    });
    expect(sent).toEqual(['other sender', 'other chain']);
    held.cancel();
    expect(await aboveSend).toBe('above');
  });

  it('property: sends start in nonce order whatever order signing finishes in, and each slot sends at most twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }).chain((count) =>
          fc.record({
            signingOrder: fc.shuffledSubarray(
              Array.from({ length: count }, (_, index) => index),
              { minLength: count, maxLength: count },
            ),
            earlyRefusals: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
          }),
        ),
        async ({ signingOrder, earlyRefusals }) => {
          const order = createBroadcastOrder({ isTooEarly });
          const firstStarts: number[] = [];
          const attempts = new Map<number, number>();
          const slots = signingOrder.map((_, nonce) => order.enter('1:0xa', nonce));
          const sends = signingOrder.map((nonce) =>
            slotAt(slots, nonce).broadcast(() => {
              const attempt = (attempts.get(nonce) ?? 0) + 1;
              attempts.set(nonce, attempt);
              if (attempt === 1) firstStarts.push(nonce);
              return attempt === 1 && nonce > 0 && earlyRefusals[nonce] === true
                ? Promise.reject(new NonceTooHighError())
                : Promise.resolve(nonce);
            }),
          );
          const results = await Promise.all(sends);
          expect(firstStarts).toEqual([...firstStarts].sort((a, b) => a - b));
          expect(results).toEqual(signingOrder);
          for (const count of attempts.values()) expect(count).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});

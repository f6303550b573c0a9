import { describe, expect, it } from 'vitest';
import type { ChainAccess } from './DappRequestHandler.ts';
import { createFeeCache } from './createFeeCache.ts';

function countingChain() {
  let calls = 0;
  let shouldFail = false;
  const chain = {
    estimateFees: () => {
      calls += 1;
      return shouldFail
        ? Promise.reject(new Error('node down'))
        : Promise.resolve({ maxFeePerGas: BigInt(calls), maxPriorityFeePerGas: 1n });
    },
  } as unknown as ChainAccess;
  return {
    chain,
    calls: () => calls,
    fail: (value: boolean) => {
      shouldFail = value;
    },
  };
}

describe('createFeeCache', () => {
  it('shares one estimate per chain for its lifetime, then asks again', async () => {
    let time = 0;
    const cache = createFeeCache({ now: () => time, maxAgeMilliseconds: 2_000 });
    const counting = countingChain();
    const chain = cache(1, counting.chain);
    const [first, second] = await Promise.all([chain.estimateFees(), chain.estimateFees()]);
    expect(first).toEqual(second);
    expect(counting.calls()).toBe(1);
    time = 2_000;
    expect((await cache(1, counting.chain).estimateFees()).maxFeePerGas).toBe(2n);
  });

  it('never keeps a failed estimate', async () => {
    const cache = createFeeCache({ now: () => 0 });
    const counting = countingChain();
    counting.fail(true);
    await expect(cache(1, counting.chain).estimateFees()).rejects.toThrow('node down');
    counting.fail(false);
    await expect(cache(1, counting.chain).estimateFees()).resolves.toMatchObject({
      maxPriorityFeePerGas: 1n,
    });
  });
});

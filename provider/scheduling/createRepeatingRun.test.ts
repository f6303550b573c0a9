import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepeatingRun } from './createRepeatingRun.ts';

describe('createRepeatingRun', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs after the first delay, then intervalMs after each run ends, never overlapping', async () => {
    vi.useFakeTimers();
    const starts: number[] = [];
    let active = 0;
    let maxActive = 0;
    const loop = createRepeatingRun({
      intervalMs: 100,
      firstDelayMs: 0,
      onError: () => {},
      run: async () => {
        starts.push(Date.now());
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((done) => setTimeout(done, 250));
        active -= 1;
      },
    });
    const startedAt = Date.now();
    loop.start();
    loop.start();
    await vi.advanceTimersByTimeAsync(1_000);
    await loop.stop();
    expect(starts.map((at) => at - startedAt)).toEqual([0, 350, 700]);
    expect(maxActive).toBe(1);
  });

  it('goes on after a failed run, telling onError', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const failure = new Error('database down');
    const loop = createRepeatingRun({
      intervalMs: 10,
      onError: (error) => errors.push(error),
      run: () => {
        runs += 1;
        return runs === 1 ? Promise.reject(failure) : Promise.resolve();
      },
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(25);
    await loop.stop();
    expect(errors).toEqual([failure]);
    expect(runs).toBe(2);
  });

  it('stop() waits for the running run and starts no other', async () => {
    vi.useFakeTimers();
    let finished = 0;
    let runs = 0;
    const loop = createRepeatingRun({
      intervalMs: 10,
      firstDelayMs: 0,
      onError: () => {},
      run: async () => {
        runs += 1;
        await new Promise((done) => setTimeout(done, 50));
        finished += 1;
      },
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(1);
    const stopped = loop.stop();
    await vi.advanceTimersByTimeAsync(50);
    await stopped;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
  });
});

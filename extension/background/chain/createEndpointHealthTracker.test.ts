import { describe, expect, it } from 'vitest';
import { createEndpointHealthTracker } from './createEndpointHealthTracker.ts';
import { EndpointFailedError } from './errors.ts';

const urls = ['https://a.example', 'https://b.example', 'https://c.example'];

function setUp() {
  const clock = { time: 1_000 };
  const tracker = createEndpointHealthTracker({
    rpcUrls: urls,
    now: () => clock.time,
    cooldownMs: 30_000,
  });
  return { clock, tracker };
}

describe('createEndpointHealthTracker', () => {
  it('starts with every endpoint healthy and nothing recorded', () => {
    const { tracker } = setUp();
    expect(tracker.snapshot()).toEqual(
      urls.map((rpcUrl) => ({ rpcUrl, isHealthy: true, failures: 0 })),
    );
  });

  it('counts failures in a row with the last error, and a success clears them', () => {
    const { clock, tracker } = setUp();
    tracker.recordFailure(
      urls[0] ?? '',
      new EndpointFailedError({ rpcUrl: 'a', reason: 'HTTP 500' }),
    );
    clock.time = 2_000;
    tracker.recordFailure(urls[0] ?? '', new Error('socket hang up\nstack…'));
    expect(tracker.snapshot()[0]).toEqual({
      rpcUrl: urls[0],
      isHealthy: false,
      failures: 2,
      lastError: 'socket hang up',
      lastFailureAt: 2_000,
    });
    clock.time = 3_000;
    tracker.recordSuccess(urls[0] ?? '');
    expect(tracker.snapshot()[0]).toMatchObject({
      isHealthy: true,
      failures: 0,
      lastSuccessAt: 3_000,
      lastFailureAt: 2_000,
    });
  });

  it('passes over a failed endpoint while a later one works, until the cool-down ends', () => {
    const { clock, tracker } = setUp();
    tracker.recordFailure(urls[0] ?? '', new Error('down'));
    expect(tracker.shouldSkip(urls[0] ?? '')).toBe(true);
    expect(tracker.shouldSkip(urls[1] ?? '')).toBe(false);
    clock.time += 30_000;
    expect(tracker.shouldSkip(urls[0] ?? '')).toBe(false);
  });

  it('never passes over an endpoint when every later one is failing too', () => {
    const { tracker } = setUp();
    for (const url of urls) tracker.recordFailure(url, new Error('down'));
    expect(urls.map((url) => tracker.shouldSkip(url))).toEqual([false, false, false]);
    tracker.recordSuccess(urls[2] ?? '');
    expect(urls.map((url) => tracker.shouldSkip(url))).toEqual([true, true, false]);
  });

  it('keeps long error messages short', () => {
    const { tracker } = setUp();
    tracker.recordFailure(urls[1] ?? '', new Error('x'.repeat(10_000)));
    expect(tracker.snapshot()[1]?.lastError?.length).toBeLessThanOrEqual(201);
  });

  it('refuses an endpoint it does not track', () => {
    const { tracker } = setUp();
    expect(() => {
      tracker.recordSuccess('https://other.example');
    }).toThrow(RangeError);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { ApprovalQueue } from './ApprovalQueue.ts';

function setUp(timeoutMs = 60_000) {
  const calls = { shown: 0, closed: 0 };
  let id = 0;
  const queue = new ApprovalQueue({
    showWindow: () => {
      calls.shown++;
      return Promise.resolve();
    },
    closeWindow: () => {
      calls.closed++;
      return Promise.resolve();
    },
    now: () => 1_000,
    timeoutMs,
    closeDelayMs: 0,
    createId: () => `approval-${++id}`,
  });
  return { queue, calls };
}

const switchChain = { kind: 'switch-chain', chainId: 1, chainName: 'Ethereum' } as const;

async function rpcCodeOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof ProviderRpcError ? error.rpcCode : undefined;
  }
  return undefined;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ApprovalQueue', () => {
  it('shows the window, lists the request and resolves with the decision', async () => {
    const { queue, calls } = setUp();
    const answer = queue.ask({
      origin: 'https://shop.example',
      isSiteConnected: false,
      details: switchChain,
    });
    await Promise.resolve();
    expect(calls.shown).toBe(1);
    expect(queue.list()).toEqual([
      {
        id: 'approval-1',
        origin: 'https://shop.example',
        isSiteConnected: false,
        createdAt: 1_000,
        expiresAt: 61_000,
        details: switchChain,
      },
    ]);
    queue.resolve('approval-1', { approved: true });
    await expect(answer).resolves.toEqual({ approved: true });
    expect(queue.list()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls.closed).toBe(1);
  });

  it('rejects with 4001 when the user rejects or closes the window', async () => {
    const { queue } = setUp();
    const first = queue.ask({
      origin: 'https://a.example',
      isSiteConnected: true,
      details: switchChain,
    });
    const second = queue.ask({
      origin: 'https://b.example',
      isSiteConnected: true,
      details: switchChain,
    });
    queue.resolve('approval-1', { approved: false });
    expect(await rpcCodeOf(first)).toBe(4001);
    queue.rejectAll();
    expect(await rpcCodeOf(second)).toBe(4001);
  });

  it('settles a request once: a second decision is ignored', async () => {
    const { queue } = setUp();
    const answer = queue.ask({
      origin: 'https://a.example',
      isSiteConnected: true,
      details: switchChain,
    });
    queue.resolve('approval-1', { approved: false });
    queue.resolve('approval-1', { approved: true });
    expect(await rpcCodeOf(answer)).toBe(4001);
    queue.resolve('approval-unknown', { approved: true });
  });

  it('approves every pending request of one kind at once', async () => {
    const { queue } = setUp();
    const unlockA = queue.ask({
      origin: 'https://a.example',
      isSiteConnected: true,
      details: { kind: 'unlock' },
    });
    const unlockB = queue.ask({
      origin: 'https://b.example',
      isSiteConnected: true,
      details: { kind: 'unlock' },
    });
    const other = queue.ask({
      origin: 'https://c.example',
      isSiteConnected: true,
      details: switchChain,
    });
    queue.approveKind('unlock');
    await expect(unlockA).resolves.toEqual({ approved: true });
    await expect(unlockB).resolves.toEqual({ approved: true });
    expect(queue.list().map((request) => request.details.kind)).toEqual(['switch-chain']);
    queue.rejectAll();
    expect(await rpcCodeOf(other)).toBe(4001);
  });

  it('expires a request that waits too long with -32002', async () => {
    vi.useFakeTimers();
    const { queue } = setUp(5_000);
    const answer = queue.ask({
      origin: 'https://a.example',
      isSiteConnected: true,
      details: switchChain,
    });
    const code = rpcCodeOf(answer);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await code).toBe(-32002);
    expect(queue.list()).toEqual([]);
  });
});

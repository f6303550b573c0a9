import type { StackInfo } from '../../scripts/stack/StackInfo.ts';

export type MineUntilParameters = {
  readonly stack: StackInfo;
  /** Checked after each block; mining stops once it resolves true. */
  readonly isDone: () => Promise<boolean>;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** What to say about the state of things if it times out. */
  readonly describe?: () => Promise<string>;
};

/**
 * Mines a block on the dev chain (automine only makes blocks for transactions) every
 * `intervalMs` until `isDone`, so the provider's watcher sees the confirmations it waits for, as
 * it would on a live chain where blocks keep coming.
 */
export async function mineUntil({
  stack,
  isDone,
  timeoutMs = 60_000,
  intervalMs = 500,
  describe = () => Promise.resolve(''),
}: MineUntilParameters): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isDone())) {
    if (Date.now() > deadline) {
      throw new Error(`not done after mining for ${timeoutMs} ms: ${await describe()}`);
    }
    await fetch(stack.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [] }),
    });
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

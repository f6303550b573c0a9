import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolve } from 'node:path';
import { devClockFileName } from '../../scripts/stack/startStack.ts';
import type { StackInfo } from '../../scripts/stack/StackInfo.ts';

/** How far this run has moved the provider's and the chain's time (they only move forward). */
let providerOffsetMs = 0;

/** The stack's provider clock offset now (ms): a new wallet starts from it. */
export function currentTimeOffsetMs(): number {
  return providerOffsetMs;
}

/**
 * Moves the stack's time forward to `offsetMs` ahead of the real clock: the provider (its
 * `DEV_CLOCK_FILE`, re-read every 500 ms) and the dev chain (`evm_increaseTime` by the difference,
 * then a block). The wallet's clock is set apart (`setClockOffset`), as each test has its own.
 */
export async function moveStackTime(stack: StackInfo, offsetMs: number): Promise<void> {
  if (offsetMs < providerOffsetMs) throw new Error('time only moves forward in a run');
  const stackFile = process.env.TP_STACK_FILE ?? resolve('.data/stack.json');
  const deltaSeconds = Math.ceil((offsetMs - providerOffsetMs) / 1000);
  writeFileSync(join(dirname(stackFile), devClockFileName), String(offsetMs));
  providerOffsetMs = offsetMs;
  for (const [method, params] of [
    ['evm_increaseTime', [deltaSeconds]],
    ['evm_mine', []],
  ] as const) {
    const response = await fetch(stack.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const body = (await response.json()) as { error?: unknown };
    if (body.error !== undefined) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  }
  // The provider re-reads the file at most every 500 ms; its rates are refreshed every 30 s and
  // look months old right after the jump: wait until they are fresh on the new clock.
  const deadline = Date.now() + 45_000;
  for (;;) {
    await new Promise((done) => setTimeout(done, 500));
    const text = await (await fetch(`${stack.providerUrl}/v1/rates`)).text();
    const observed = [...text.matchAll(/"observed_at":"([^"]+)"/g)].map((match) =>
      Date.parse(match[1] ?? ''),
    );
    const freshFrom = Date.now() + offsetMs - 120_000;
    if (observed.length > 0 && observed.every((at) => at >= freshFrom)) return;
    if (Date.now() > deadline) throw new Error('the provider’s rates stayed stale after the jump');
  }
}

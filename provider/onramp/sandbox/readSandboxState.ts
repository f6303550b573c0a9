import type { SandboxState } from './SandboxAdapter.ts';

export type ReadSandboxStateReturnType = SandboxState;

/** The sandbox's step from an order's stored adapter state; anything unreadable is the card step. */
export function readSandboxState(
  state: Readonly<Record<string, unknown>>,
): ReadSandboxStateReturnType {
  const step = state.step;
  const attempts = state.attempts;
  const cardLast4 = state.cardLast4;
  return {
    step: step === 'challenge' || step === 'funding' || step === 'done' ? step : 'card',
    attempts: typeof attempts === 'number' && Number.isSafeInteger(attempts) ? attempts : 0,
    ...(typeof cardLast4 === 'string' ? { cardLast4 } : {}),
  };
}

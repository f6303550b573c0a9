import type { OnrampAdapter } from '../OnrampAdapter.ts';
import type { SandboxFunder } from './createSandboxFunder.ts';

/** The built-in sandbox: an adapter whose page the provider serves, paying out with `funder`. */
export type SandboxAdapter = OnrampAdapter & {
  readonly kind: 'sandbox';
  readonly funder: SandboxFunder;
};

/** The sandbox page's progress, kept as the order's adapter state. */
export type SandboxState = {
  readonly step: 'card' | 'challenge' | 'funding' | 'done';
  /** Wrong challenge codes so far. */
  readonly attempts: number;
  /** For the receipt; the full number is never stored. */
  readonly cardLast4?: string;
};

export function isSandboxAdapter(adapter: OnrampAdapter): adapter is SandboxAdapter {
  return (adapter as Partial<SandboxAdapter>).kind === 'sandbox';
}

import type { StorageArea } from '../wallet/StorageArea.ts';
import { InvalidClockOffsetError } from './errors.ts';

export type WalletClock = {
  /** The real time plus the test offset (0 unless a test moved it). */
  now(): Date;
  offsetMs(): number;
  /** Loads the stored offset (call once at start; `now` is the real time until it resolves). */
  ready(): Promise<void>;
  setOffset(offsetMs: unknown): Promise<void>;
};

export type CreateWalletClockParameters = {
  local: StorageArea;
  realNow?: () => number;
};
export type CreateWalletClockReturnType = WalletClock;

/** `storage.local.testClockOffsetMs`: written only through `setOffset` (the wallet's own pages). */
export const clockOffsetStorageKey = 'testClockOffsetMs';
/** Five years: enough for any test of yearly plans, bounded all the same. */
const maxOffsetMs = 5 * 366 * 86_400_000;

/**
 * The wallet's clock for the policy, the ledger and the subscription scheduler: real time plus
 * an offset that tests set to move the wallet a month ahead. The offset can only be set by the
 * wallet's own pages (the worker refuses `ui` messages from anything else, sites included), only
 * forwards and by at most five years, and the Subscriptions page shows it whenever it is not 0,
 * with a reset. Moving it changes nothing a site could use: grants and caps still count in the
 * same windows, only "now" is later, as it would be if the user waited.
 */
export function createWalletClock({
  local,
  realNow = () => Date.now(),
}: CreateWalletClockParameters): CreateWalletClockReturnType {
  let offset = 0;
  let loading: Promise<void> | undefined;
  return {
    now: () => new Date(realNow() + offset),
    offsetMs: () => offset,
    ready() {
      loading ??= local.get([clockOffsetStorageKey]).then((stored) => {
        const value = stored[clockOffsetStorageKey];
        if (isValidOffset(value)) offset = value;
      });
      return loading;
    },
    async setOffset(offsetMs) {
      if (!isValidOffset(offsetMs))
        throw new InvalidClockOffsetError({
          received: offsetMs,
          expected: `a whole number of milliseconds from 0 to ${maxOffsetMs}`,
        });
      await local.set({ [clockOffsetStorageKey]: offsetMs });
      offset = offsetMs;
    },
  };
}

function isValidOffset(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= maxOffsetMs
  );
}

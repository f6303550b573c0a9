import { readFileSync } from 'node:fs';
import { TpError } from '../../shared/errors/TpError.ts';

export type ReadSubscriptionServeSettingsParameters = {
  env: Readonly<Record<string, string | undefined>>;
  realNow?: () => number;
  readFile?: (path: string) => string;
};
export type ReadSubscriptionServeSettingsReturnType = {
  /** How often this process runs the subscription sweeper (renewals, grace, cancellations). */
  readonly sweepIntervalMs: number;
  /**
   * The provider's clock: the real time, or with `DEV_CLOCK_FILE` the real time plus the offset
   * in milliseconds that file holds (re-read at most every 500 ms), so end-to-end tests can move
   * the provider a month ahead together with the wallet and the dev chain.
   */
  readonly now: () => Date;
};
export type ReadSubscriptionServeSettingsErrorType = InvalidSubscriptionServeSettingError;

export class InvalidSubscriptionServeSettingError extends TpError {
  override name = 'InvalidSubscriptionServeSettingError';
  override readonly code = 'config/invalid-subscription-setting';

  constructor({ variable, expected }: { variable: string; expected: string }) {
    super({
      code: 'config/invalid-subscription-setting',
      shortMessage: `${variable} must be ${expected}.`,
      details: { variable, expected },
    });
  }
}

const defaultSweepIntervalMs = 5_000;
const clockFileRereadMs = 500;
/** Five years: what a test of yearly plans could need, and nothing like a real clock error. */
const maxOffsetMs = 5 * 366 * 86_400_000;

/**
 * `SUBSCRIPTION_SWEEP_INTERVAL_MS` (default 5000, 200 to 3,600,000) and `DEV_CLOCK_FILE`
 * (development and tests only: the dev stack sets it; production never should). The sweeper must
 * run more often than the shortest grace period (subscriptions README).
 */
export function readSubscriptionServeSettings({
  env,
  realNow = () => Date.now(),
  readFile = (path) => readFileSync(path, 'utf8'),
}: ReadSubscriptionServeSettingsParameters): ReadSubscriptionServeSettingsReturnType {
  const intervalText = env.SUBSCRIPTION_SWEEP_INTERVAL_MS;
  let sweepIntervalMs = defaultSweepIntervalMs;
  if (intervalText !== undefined && intervalText !== '') {
    sweepIntervalMs = /^[0-9]{1,7}$/.test(intervalText) ? Number(intervalText) : Number.NaN;
    if (!(sweepIntervalMs >= 200 && sweepIntervalMs <= 3_600_000))
      throw new InvalidSubscriptionServeSettingError({
        variable: 'SUBSCRIPTION_SWEEP_INTERVAL_MS',
        expected: 'milliseconds from 200 to 3600000',
      });
  }
  const clockFile = env.DEV_CLOCK_FILE;
  if (clockFile === undefined || clockFile === '')
    return { sweepIntervalMs, now: () => new Date(realNow()) };
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  const readOffset = (): number => {
    const at = realNow();
    if (at - readAt < clockFileRereadMs) return offset;
    readAt = at;
    let text: string | undefined;
    try {
      text = readFile(clockFile).trim();
    } catch {
      // No file yet: no offset.
      text = undefined;
    }
    const value = text === undefined || text === '' ? 0 : Number(text);
    // A half-written or bad file keeps the last good offset: the clock never jumps to nonsense.
    if (Number.isSafeInteger(value) && value >= 0 && value <= maxOffsetMs) offset = value;
    return offset;
  };
  return { sweepIntervalMs, now: () => new Date(realNow() + readOffset()) };
}

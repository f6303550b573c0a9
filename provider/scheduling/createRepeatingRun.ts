export type RepeatingRun = {
  /** Runs now (after `firstDelayMs`) and then `intervalMs` after each run ends; idempotent. */
  start: () => void;
  /** No run starts after this; resolves once the running one (if any) has ended. */
  stop: () => Promise<void>;
};

export type CreateRepeatingRunParameters = {
  run: () => Promise<unknown>;
  /** Time from the end of one run to the start of the next. */
  intervalMs: number;
  /** Time from `start()` to the first run. Default `intervalMs`. */
  firstDelayMs?: number;
  /** A run that failed as a whole; the next one still runs on schedule. */
  onError: (error: unknown) => void;
};

export type CreateRepeatingRunReturnType = RepeatingRun;

/**
 * The provider's background loops (session and on-ramp expiry, subscription renewals): a timer
 * rather than an interval, so a slow run never overlaps the next one, and `stop()` waits for the
 * run in progress so a shutdown never cuts a transaction short.
 */
export function createRepeatingRun({
  run,
  intervalMs,
  firstDelayMs = intervalMs,
  onError,
}: CreateRepeatingRunParameters): CreateRepeatingRunReturnType {
  let isStarted = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      const current = run().catch(onError);
      running = current;
      void current.then(() => {
        running = undefined;
        if (isStarted) schedule(intervalMs);
      });
    }, delayMs);
  }

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      schedule(firstDelayMs);
    },
    async stop() {
      isStarted = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

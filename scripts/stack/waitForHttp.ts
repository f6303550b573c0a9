import { TpError } from '../../shared/errors/TpError.ts';

export type WaitForHttpParameters = {
  readonly url: string;
  readonly timeoutMs: number;
  /** Rejects early if the process that should answer has died. */
  readonly isAlive?: () => boolean;
};

/** Polls `url` until it answers 2xx. */
export async function waitForHttp({
  url,
  timeoutMs,
  isAlive = () => true,
}: WaitForHttpParameters): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastProblem: unknown;
  while (performance.now() < deadline) {
    if (!isAlive()) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new TpError({
    code: 'stack/not-ready',
    shortMessage: `${url} did not answer in time.`,
    details: { url, timeoutMs },
    cause: lastProblem,
  });
}

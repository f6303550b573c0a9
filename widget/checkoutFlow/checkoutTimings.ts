/** How often the flow asks the provider about a sent transaction. */
export const pollIntervalMilliseconds = 2_000;
/** The first retry after a provider failure; each further failure doubles it. */
export const firstRetryDelayMilliseconds = 1_000;
/** Retries never wait longer than this. */
export const maxRetryDelayMilliseconds = 30_000;
/**
 * After an on-ramp order completes, how many balance reads (one per poll interval) the flow waits
 * for the funds before it says they have not arrived (about two minutes).
 */
export const maxArrivalChecks = 60;

/** How often the flow asks the provider about a sent transaction. */
export const pollIntervalMilliseconds = 2_000;
/** The first retry after a provider failure; each further failure doubles it. */
export const firstRetryDelayMilliseconds = 1_000;
/** Retries never wait longer than this. */
export const maxRetryDelayMilliseconds = 30_000;

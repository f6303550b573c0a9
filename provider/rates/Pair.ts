/**
 * A currency pair as written everywhere (config, logs, the API): `BASE/QUOTE`, symbols in capitals,
 * like `ETH/USD`. A rate for `ETH/USD` says how many USD one ETH is worth.
 */
export type Pair = `${string}/${string}`;

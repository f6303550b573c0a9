import type { SpendExtraction } from './Spend.ts';

/** One request as `decide` sees it; everything here comes from the wallet, not the site. */
export type PolicyRequest = {
  /** The site, as the browser reported it. */
  readonly origin: string;
  /** The chain the request is for (the active chain). */
  readonly chainId: number;
  /** From `extractSpend`. */
  readonly extraction: SpendExtraction;
  /** For a transaction: gas × maxFeePerGas, in wei of `chainId`'s native coin. */
  readonly maxNetworkFee?: bigint;
};

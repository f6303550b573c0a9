/**
 * What an amount is counted in. Amounts are bigints of base units; `decimals` says how many base
 * units make one whole unit (10^decimals). The symbol is for people: it never identifies a token
 * (chains and token addresses do that, in `shared/chains/`, on types that extend this one).
 */
export type AssetKind = 'fiat' | 'crypto';

export type Asset = {
  readonly kind: AssetKind;
  /** ISO 4217 code for fiat (`EUR`), ticker for crypto (`USDC`). */
  readonly symbol: string;
  /** Digits after the decimal point: 2 for EUR, 6 for USDC, 18 for ETH. */
  readonly decimals: number;
};

/** 10^77 < 2^256 < 10^78: with 77 decimals one whole unit still fits a uint256. */
export const maxAssetDecimals = 77;

/** Amounts live in uint256 on chain; nothing larger is ever a valid amount. */
export const maxAmount = 2n ** 256n - 1n;

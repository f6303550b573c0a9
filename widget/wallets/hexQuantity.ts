export type HexQuantityReturnType = `0x${string}`;

/** A non-negative integer as an EIP-1474 quantity: `0x` and hex digits without leading zeros. */
export function hexQuantity(value: bigint | number): HexQuantityReturnType {
  return `0x${value.toString(16)}`;
}

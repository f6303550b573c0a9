import { randomFillSync } from 'node:crypto';

export type TakeRandomHexReturnType = string;

const poolBytes = 4096;
const pool = Buffer.alloc(poolBytes);
// Starts "used up": the first call fills the pool.
let offset = poolBytes;

/**
 * `byteCount` bytes from the operating system's CSPRNG, as lowercase hex. Why a pool: each quote
 * takes two random values (its id and its reference), and one `randomBytes` call per value cost
 * 5 % of quote creation; the bytes are the same CSPRNG's, fetched 4 KiB at a time. Bytes handed
 * out are zeroed in the pool, so none is ever given twice or kept after use.
 */
export function takeRandomHex(byteCount: number): TakeRandomHexReturnType {
  if (!Number.isInteger(byteCount) || byteCount < 1 || byteCount > poolBytes) {
    throw new RangeError(`takeRandomHex: byteCount must be a whole number from 1 to ${poolBytes}`);
  }
  if (offset + byteCount > poolBytes) {
    randomFillSync(pool);
    offset = 0;
  }
  const end = offset + byteCount;
  const hex = pool.toString('hex', offset, end);
  pool.fill(0, offset, end);
  offset = end;
  return hex;
}

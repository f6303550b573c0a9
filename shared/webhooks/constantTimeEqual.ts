// Compares two secrets-derived byte strings (MACs) in time that depends only on their lengths,
// never on where they first differ, so a remote caller cannot find a valid MAC byte by byte.
// Lengths are public (a MAC's length is fixed by its algorithm).
export type ConstantTimeEqualReturnType = boolean;

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): ConstantTimeEqualReturnType {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return false;
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) {
    difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  }
  return difference === 0;
}

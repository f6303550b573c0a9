/**
 * Assumes nothing about `input` (pasted by the user). Accepts 64 hex digits, with or without
 * "0x", surrounding whitespace ignored, any case; refuses 0 and values not below the secp256k1
 * order n. Returns the canonical form, lowercase with "0x". Errors never echo the input.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { Hex } from 'viem';
import { InvalidPrivateKeyError } from './errors.ts';

export type ParsePrivateKeyReturnType = Hex;
export type ParsePrivateKeyErrorType = InvalidPrivateKeyError;

const privateKeyPattern = /^(?:0x)?([0-9a-f]{64})$/;

export function parsePrivateKey(input: string): ParsePrivateKeyReturnType {
  const match =
    typeof input === 'string' &&
    input.length <= 256 &&
    privateKeyPattern.exec(input.trim().toLowerCase());
  const digits = match ? match[1] : undefined;
  if (digits === undefined) throw new InvalidPrivateKeyError({ reason: 'format' });
  const bytes = hexToBytes(digits);
  try {
    if (!secp256k1.utils.isValidSecretKey(bytes))
      throw new InvalidPrivateKeyError({ reason: 'range' });
  } finally {
    bytes.fill(0);
  }
  return `0x${digits}`;
}

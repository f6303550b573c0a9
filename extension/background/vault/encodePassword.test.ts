import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodePassword } from './encodePassword.ts';
import { InvalidVaultPasswordError } from './errors.ts';

describe('encodePassword', () => {
  it('UTF-8 encodes the NFC form', () => {
    expect(bytesToHex(encodePassword('e\u0301'))).toBe('c3a9');
    expect(bytesToHex(encodePassword('\u00e9'))).toBe('c3a9');
  });

  it('keeps a well-formed astral character and refuses a lone surrogate', () => {
    expect(bytesToHex(encodePassword('🔑'))).toBe('f09f9491');
    expect(() => encodePassword('\uDD11')).toThrow(InvalidVaultPasswordError);
  });
});

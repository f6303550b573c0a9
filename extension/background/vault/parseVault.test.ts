import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { Vault, VaultKdfLimits } from './Vault.ts';
import { defaultVaultKdfLimits } from './Vault.ts';
import {
  VaultCorruptError,
  VaultKdfOutOfBoundsError,
  VaultUnsupportedVersionError,
} from './errors.ts';
import { parseVault } from './parseVault.ts';

/** Test-only bounds: cheap scrypt so property tests run thousands of cases. */
const testLimits: VaultKdfLimits = {
  minimum: { N: 2, r: 1, p: 1 },
  maximum: defaultVaultKdfLimits.maximum,
};

const fullStrength: Vault = {
  version: 1,
  kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32, salt: 'ab'.repeat(32) },
  cipher: { name: 'aes-256-gcm', iv: 'cd'.repeat(12) },
  ciphertext: 'ef'.repeat(40),
};
const withKdf = (kdf: Partial<Vault['kdf']>): Vault => ({
  ...fullStrength,
  kdf: { ...fullStrength.kdf, ...kdf },
});

const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('parseVault', () => {
  it('returns an equal, independent copy of a well-formed vault', () => {
    const input = structuredClone(fullStrength);
    const vault = parseVault({ input });
    expect(vault).toEqual(fullStrength);
    input.kdf.N = 2;
    expect(vault.kdf.N).toBe(2 ** 17);
  });

  it('reads the vault from its JSON text too', () => {
    expect(parseVault({ input: JSON.stringify(fullStrength) })).toEqual(fullStrength);
  });

  it.each<[string, unknown, string]>([
    ['not JSON', '{"version":1', 'vault'],
    ['null', null, 'vault'],
    ['an array', [fullStrength], 'vault'],
    ['a Date', new Date(0), 'vault'],
    ['no ciphertext', { ...fullStrength, ciphertext: undefined }, 'ciphertext'],
    ['an extra field', { ...fullStrength, note: 'hi' }, 'vault'],
    ['a string version', { ...fullStrength, version: '1' }, 'version'],
    ['another KDF', withKdf({ name: 'argon2id' as 'scrypt' }), 'kdf.name'],
    ['a fractional N', withKdf({ N: 131072.5 }), 'kdf.N'],
    ['an N that is no power of two', withKdf({ N: 3 * 2 ** 17 }), 'kdf.N'],
    ['a 64-byte key', withKdf({ dkLen: 64 as 32 }), 'kdf.dkLen'],
    ['a short salt', withKdf({ salt: 'ab'.repeat(15) }), 'kdf.salt'],
    ['an uppercase salt', withKdf({ salt: 'AB'.repeat(32) }), 'kdf.salt'],
    ['an odd-length salt', withKdf({ salt: 'a'.repeat(33) }), 'kdf.salt'],
    [
      'another cipher',
      { ...fullStrength, cipher: { name: 'aes-128-gcm', iv: 'cd'.repeat(12) } },
      'cipher.name',
    ],
    [
      'a 16-byte IV',
      { ...fullStrength, cipher: { name: 'aes-256-gcm', iv: 'cd'.repeat(16) } },
      'cipher.iv',
    ],
    [
      'a ciphertext shorter than the tag',
      { ...fullStrength, ciphertext: 'ef'.repeat(15) },
      'ciphertext',
    ],
    ['a non-hex ciphertext', { ...fullStrength, ciphertext: 'zz'.repeat(20) }, 'ciphertext'],
  ])('refuses %s as corrupt, naming the field', (_label, input, field) => {
    const error = thrownBy(() => parseVault({ input }));
    expect(error).toBeInstanceOf(VaultCorruptError);
    expect(error).toMatchObject({ code: 'vault/corrupt', details: { field } });
  });

  it('refuses a vault from a future format version', () => {
    expect(() => parseVault({ input: { ...fullStrength, version: 2 } })).toThrow(
      VaultUnsupportedVersionError,
    );
  });

  it.each<[string, Partial<Vault['kdf']>, string]>([
    ['N', { N: 2 ** 16 }, 'N'],
    ['r', { r: 4 }, 'r'],
    ['p', { p: 0.5 }, 'kdf.p'],
  ])('refuses a KDF %s weaker than the production minimum', (_label, kdf, field) => {
    const error = thrownBy(() => parseVault({ input: withKdf(kdf) }));
    expect(error).toBeInstanceOf(TpError);
    expect(error).toMatchObject({ details: { field } });
  });

  it('refuses weak parameters by default but reads them when test limits are injected', () => {
    const weak = withKdf({ N: 16, r: 1 });
    expect(() => parseVault({ input: weak })).toThrow(VaultKdfOutOfBoundsError);
    expect(() => parseVault({ input: weak })).toThrow(
      expect.objectContaining({
        details: { field: 'N', value: 16, bound: 'minimum', limit: 2 ** 17 },
      }),
    );
    expect(parseVault({ input: weak, limits: testLimits })).toEqual(weak);
  });

  it.each<[string, Partial<Vault['kdf']>, string]>([
    ['an absurd N (2^40)', { N: 2 ** 40 }, 'N'],
    ['N above the maximum', { N: 2 ** 20 }, 'N'],
    ['r above the maximum', { r: 1000 }, 'r'],
    ['p above the maximum', { p: 2 ** 20 }, 'p'],
    ['memory above the maximum', { N: 2 ** 19, r: 16 }, 'memory (128·N·r bytes)'],
  ])('refuses %s before any work is done, even with test limits', (_label, kdf, field) => {
    const error = thrownBy(() => parseVault({ input: withKdf(kdf), limits: testLimits }));
    expect(error).toBeInstanceOf(VaultKdfOutOfBoundsError);
    expect(error).toMatchObject({ details: { field, bound: 'maximum' } });
  });

  it('turns a throwing getter into a corrupt-vault error', () => {
    const input = {
      ...fullStrength,
      get ciphertext(): string {
        throw new RangeError('boom');
      },
    };
    expect(() => parseVault({ input })).toThrow(VaultCorruptError);
  });

  describe('fuzzing', () => {
    const expectVaultOrTpError = (input: unknown) => {
      let result: unknown;
      try {
        result = parseVault({ input, limits: testLimits });
      } catch (error) {
        expect(error).toBeInstanceOf(TpError);
        expect((error as TpError).code).toMatch(/^vault\//);
        return;
      }
      // Anything accepted is a complete vault that survives a second parse unchanged.
      expect(parseVault({ input: result, limits: testLimits })).toEqual(result);
    };

    it('never crashes on arbitrary JSON values or text', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.jsonValue(), fc.json(), fc.string(), fc.anything()),
          expectVaultOrTpError,
        ),
        { numRuns: 2000 },
      );
    });

    it('never crashes on vault-shaped objects with random field values', () => {
      const field = fc.oneof(
        fc.jsonValue(),
        fc.integer(),
        fc.double(),
        fc.uint8Array({ maxLength: 80 }).map(bytesToHex),
        fc.constantFrom(2, 2 ** 17, 2 ** 53, -1, 0, Number.NaN, Infinity),
      );
      const vaultShaped = fc.record({
        version: fc.oneof(fc.constant(1), field),
        kdf: fc.oneof(
          field,
          fc.record({
            name: fc.oneof(fc.constant('scrypt'), field),
            N: fc.oneof(fc.constantFrom(2, 16, 2 ** 17), field),
            r: fc.oneof(fc.constant(8), field),
            p: fc.oneof(fc.constant(1), field),
            dkLen: fc.oneof(fc.constant(32), field),
            salt: fc.oneof(fc.constant('ab'.repeat(32)), field),
          }),
        ),
        cipher: fc.oneof(
          field,
          fc.record({
            name: fc.oneof(fc.constant('aes-256-gcm'), field),
            iv: fc.oneof(fc.constant('cd'.repeat(12)), field),
          }),
        ),
        ciphertext: fc.oneof(fc.constant('ef'.repeat(40)), field),
      });
      fc.assert(fc.property(vaultShaped, expectVaultOrTpError), { numRuns: 3000 });
    });

    it('never crashes on truncated or bit-flipped vault text', () => {
      const text = JSON.stringify(fullStrength);
      const mutated = fc.oneof(
        fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
        fc
          .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0, max: 15 }))
          .map(
            ([at, bit]) =>
              text.slice(0, at) +
              String.fromCharCode(text.charCodeAt(at) ^ (1 << bit)) +
              text.slice(at + 1),
          ),
      );
      fc.assert(fc.property(mutated, expectVaultOrTpError), { numRuns: 3000 });
    });
  });
});

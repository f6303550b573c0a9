import { describe, expect, it } from 'vitest';
import { defaultScryptParams, defaultVaultKdfLimits } from './Vault.ts';
import { assertScryptParams } from './assertScryptParams.ts';
import { VaultInvalidArgumentError, VaultKdfOutOfBoundsError } from './errors.ts';

describe('assertScryptParams', () => {
  it('accepts the default parameters under the default limits', () => {
    expect(() => {
      assertScryptParams(defaultScryptParams, defaultVaultKdfLimits);
    }).not.toThrow();
  });

  it.each([
    [{ N: 2 ** 16, r: 8, p: 1 }, 'N', 'minimum'],
    [{ N: 2 ** 17, r: 7, p: 1 }, 'r', 'minimum'],
    [{ N: 2 ** 20, r: 8, p: 1 }, 'N', 'maximum'],
    [{ N: 2 ** 17, r: 8, p: 5 }, 'p', 'maximum'],
  ])('refuses %j: %s below or above its %s', (params, field, bound) => {
    let error: unknown;
    try {
      assertScryptParams(params, defaultVaultKdfLimits);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultKdfOutOfBoundsError);
    expect(error).toMatchObject({ details: { field, bound } });
  });

  it.each([
    { N: 3 * 2 ** 17, r: 8, p: 1 },
    { N: 2 ** 17, r: 8.5, p: 1 },
    { N: Number.NaN, r: 8, p: 1 },
  ])('refuses malformed parameters %j', (params) => {
    expect(() => {
      assertScryptParams(params, defaultVaultKdfLimits);
    }).toThrow(VaultInvalidArgumentError);
  });
});

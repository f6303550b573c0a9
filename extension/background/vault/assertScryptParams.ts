/**
 * Assumes nothing about `params` (they may come from a stored vault an attacker wrote); trusts
 * `limits`, which come from code. Refuses weaker-than-minimum parameters (a downgrade) and
 * costlier-than-maximum ones (a denial of service on the worker) before any work is done.
 */
import type { ScryptParams, VaultKdfLimits } from './Vault.ts';
import { VaultInvalidArgumentError, VaultKdfOutOfBoundsError } from './errors.ts';

export type AssertScryptParamsErrorType = VaultInvalidArgumentError | VaultKdfOutOfBoundsError;

export function assertScryptParams(params: ScryptParams, limits: VaultKdfLimits): void {
  for (const field of ['N', 'r', 'p'] as const) {
    const value: unknown = params[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
      throw new VaultInvalidArgumentError({ argument: field, expected: 'a positive integer' });
    if (value < limits.minimum[field])
      throw new VaultKdfOutOfBoundsError({
        field,
        value,
        bound: 'minimum',
        limit: limits.minimum[field],
      });
    if (value > limits.maximum[field])
      throw new VaultKdfOutOfBoundsError({
        field,
        value,
        bound: 'maximum',
        limit: limits.maximum[field],
      });
  }
  if (params.N < 2 || !Number.isInteger(Math.log2(params.N)))
    throw new VaultInvalidArgumentError({ argument: 'N', expected: 'a power of two, at least 2' });
  const memoryBytes = 128 * params.N * params.r;
  if (memoryBytes > limits.maximum.memoryBytes)
    throw new VaultKdfOutOfBoundsError({
      field: 'memory (128·N·r bytes)',
      value: memoryBytes,
      bound: 'maximum',
      limit: limits.maximum.memoryBytes,
    });
}

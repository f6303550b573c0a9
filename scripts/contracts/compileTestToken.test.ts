import { describe, expect, it } from 'vitest';
import { compileTestToken } from './compileTestToken.ts';
import { testTokenAbi } from './testTokenAbi.ts';

describe('compileTestToken', () => {
  it('compiles TestToken.sol with solc-js to an ABI equal to the typed testTokenAbi', () => {
    const startedAt = performance.now();
    const { abi, bytecode } = compileTestToken({ isCacheEnabled: false });
    console.info(`solc compiled TestToken in ${(performance.now() - startedAt).toFixed(0)} ms`);
    expect(abi).toEqual(testTokenAbi);
    expect(bytecode).toMatch(/^0x(?:[0-9a-f]{2})+$/);
  });

  it('returns the same artifact from its caches, quickly the second time', () => {
    const fresh = compileTestToken({ isCacheEnabled: false });
    const cached = compileTestToken();
    const startedAt = performance.now();
    expect(compileTestToken()).toBe(cached);
    expect(performance.now() - startedAt).toBeLessThan(5);
    expect(cached).toEqual(fresh);
  });
});

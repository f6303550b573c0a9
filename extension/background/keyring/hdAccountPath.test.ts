import { describe, expect, it } from 'vitest';
import { KeyringInvalidArgumentError } from './errors.ts';
import { hdAccountPath } from './hdAccountPath.ts';

describe('hdAccountPath', () => {
  it("builds m/44'/60'/0'/0/index", () => {
    expect(hdAccountPath(0)).toBe("m/44'/60'/0'/0/0");
    expect(hdAccountPath(2 ** 31 - 1)).toBe("m/44'/60'/0'/0/2147483647");
  });

  it.each([-1, 1.5, 2 ** 31, Number.NaN])('refuses the index %d', (index) => {
    expect(() => hdAccountPath(index)).toThrow(KeyringInvalidArgumentError);
  });
});

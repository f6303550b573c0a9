import { describe, expect, test } from 'vitest';
import { toCanonicalKey } from './toCanonicalKey.ts';

describe('toCanonicalKey', () => {
  test('ignores key order and the case of hex strings', () => {
    expect(toCanonicalKey({ to: '0xAbCd', value: 1n })).toBe(
      toCanonicalKey({ value: 1n, to: '0xabcd' }),
    );
  });

  test('tells a bigint from the same digits as a string or a number', () => {
    const keys = new Set([toCanonicalKey(10n), toCanonicalKey('10'), toCanonicalKey(10)]);
    expect(keys.size).toBe(3);
  });

  test('keeps the case of text that is not hex, and array order', () => {
    expect(toCanonicalKey('Success')).not.toBe(toCanonicalKey('success'));
    expect(toCanonicalKey(['0x01', '0x02'])).not.toBe(toCanonicalKey(['0x02', '0x01']));
  });

  test('tells null from a missing field', () => {
    expect(toCanonicalKey({ blockHash: null })).not.toBe(toCanonicalKey({}));
  });
});

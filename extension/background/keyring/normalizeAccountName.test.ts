import { describe, expect, it } from 'vitest';
import { InvalidAccountNameError } from './errors.ts';
import { normalizeAccountName } from './normalizeAccountName.ts';

describe('normalizeAccountName', () => {
  it('trims and composes (NFC)', () => {
    expect(normalizeAccountName('  Cafe\u0301 ')).toBe('Café');
    expect(normalizeAccountName('👩‍💻 Work')).toBe('👩‍💻 Work');
    expect(normalizeAccountName('x'.repeat(64))).toHaveLength(64);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['x'.repeat(65), 'too long'],
    ['a\nb', 'a line break'],
    ['pay\u202Eyap', 'a direction override'],
    ['\uD800', 'a lone surrogate'],
  ])('refuses %j (%s)', (name) => {
    expect(() => normalizeAccountName(name)).toThrow(InvalidAccountNameError);
  });
});

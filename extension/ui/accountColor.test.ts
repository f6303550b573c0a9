import { describe, expect, it } from 'vitest';
import { accountColor } from './accountColor.ts';

describe('accountColor', () => {
  it('gives the same colour to the same address, whatever its case', () => {
    expect(accountColor('0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe(
      accountColor('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'),
    );
  });

  it('gives different addresses different hues', () => {
    expect(accountColor('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266')).not.toBe(
      accountColor('0x70997970c51812dc3a010c7d01b50e0d17dc79c8'),
    );
  });

  it('falls back to the accent hue for something that is not hex', () => {
    expect(accountColor('not an address')).toBe('hsl(220 45% 40%)');
  });
});

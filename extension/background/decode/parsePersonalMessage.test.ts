import fc from 'fast-check';
import { stringToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { InvalidPersonalMessageError } from './errors.ts';
import { maxPersonalMessageBytes, parsePersonalMessage } from './parsePersonalMessage.ts';

describe('parsePersonalMessage', () => {
  it('reads 0x-hex as bytes, and shows them as text when they are UTF-8', () => {
    // "hello world", from MetaMask eth-sig-util's personal_sign vectors.
    expect(parsePersonalMessage({ message: '0x68656c6c6f20776f726c64' })).toEqual({
      raw: '0x68656c6c6f20776f726c64',
      text: 'hello world',
    });
  });

  it('reads other strings as UTF-8 text', () => {
    expect(parsePersonalMessage({ message: 'Hello, world!' })).toEqual({
      raw: stringToHex('Hello, world!'),
      text: 'Hello, world!',
    });
    expect(parsePersonalMessage({ message: 'Zahlung 5 €' }).raw).toBe(
      '0x5a61686c756e67203520e282ac',
    );
  });

  it('treats strings that only look like hex as text', () => {
    expect(parsePersonalMessage({ message: '0xZZ' })).toEqual({
      raw: stringToHex('0xZZ'),
      text: '0xZZ',
    });
    expect(parsePersonalMessage({ message: '0X68' }).text).toBe('0X68');
  });

  it('gives no text for bytes that are not UTF-8', () => {
    expect(
      parsePersonalMessage({
        message: '0x0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f',
      }).text,
    ).toBeUndefined();
  });

  it('lower-cases hex and accepts the empty message', () => {
    expect(parsePersonalMessage({ message: '0xABCD' }).raw).toBe('0xabcd');
    expect(parsePersonalMessage({ message: '0x' })).toEqual({ raw: '0x', text: '' });
    expect(parsePersonalMessage({ message: '' })).toEqual({ raw: '0x', text: '' });
  });

  it.each([
    ['odd-length hex', '0x123'],
    ['a lone surrogate', 'pay \uD83D'],
    ['a number', 42],
    ['null', null],
    ['hex one byte too long', `0x${'00'.repeat(maxPersonalMessageBytes + 1)}`],
    ['text one byte too long', 'a'.repeat(maxPersonalMessageBytes + 1)],
    ['text whose UTF-8 is too long', '€'.repeat(maxPersonalMessageBytes / 3 + 1)],
  ])('refuses %s', (_label, message) => {
    expect(() => parsePersonalMessage({ message })).toThrow(InvalidPersonalMessageError);
  });

  it('accepts a message of exactly the limit', () => {
    expect(
      parsePersonalMessage({ message: `0x${'00'.repeat(maxPersonalMessageBytes)}` }).raw.length,
    ).toBe(2 + 2 * maxPersonalMessageBytes);
  });

  it('round-trips any well-formed text through its bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(!/^0x[0-9a-fA-F]*$/.test(text));
        const parsed = parsePersonalMessage({ message: text });
        expect(parsed.text).toBe(text);
        expect(Buffer.from(parsed.raw.slice(2), 'hex').toString('utf8')).toBe(text);
      }),
    );
  });
});

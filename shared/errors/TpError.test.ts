import { describe, expect, it } from 'vitest';
import { TpError } from './TpError.ts';

describe('TpError', () => {
  it('keeps code, shortMessage and details as given', () => {
    const error = new TpError({
      code: 'amount/too-many-decimals',
      shortMessage: 'USDC allows at most 6 digits after the decimal point.',
      details: { input: '1.0000001', decimals: 6 },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TpError');
    expect(error.code).toBe('amount/too-many-decimals');
    expect(error.shortMessage).toBe('USDC allows at most 6 digits after the decimal point.');
    expect(error.details).toEqual({ input: '1.0000001', decimals: 6 });
  });

  it('uses the short message alone as message when there are no details', () => {
    const error = new TpError({ code: 'x/y', shortMessage: 'Something failed.' });
    expect(error.message).toBe('Something failed.');
    expect(error.details).toEqual({});
    expect(error.cause).toBeUndefined();
  });

  it('composes the message as short message, blank line, one detail per line', () => {
    const error = new TpError({
      code: 'amount/overflow',
      shortMessage: 'Too large.',
      details: { amount: 2n ** 256n, symbol: 'DAI', limits: { max: 10n, min: 0 }, ok: false },
    });
    expect(error.message).toBe(
      [
        'Too large.',
        '',
        `amount: ${(2n ** 256n).toString()}`,
        'symbol: DAI',
        'limits: {"max":"10","min":0}',
        'ok: false',
      ].join('\n'),
    );
  });

  it('still composes a message when a detail cannot be serialised', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const error = new TpError({ code: 'x/y', shortMessage: 'Short.', details: { circular } });
    expect(error.message).toBe('Short.\n\ncircular: [object Object]');
  });

  it('keeps the cause it was given', () => {
    const cause = new RangeError('low level');
    const error = new TpError({ code: 'x/y', shortMessage: 'High level.', cause });
    expect(error.cause).toBe(cause);
  });

  describe('walk', () => {
    const root = new TypeError('root');
    const middle = new TpError({ code: 'middle', shortMessage: 'Middle.', cause: root });
    const top = new TpError({ code: 'top', shortMessage: 'Top.', cause: middle });

    it('returns the deepest cause without a predicate', () => {
      expect(top.walk()).toBe(root);
    });

    it('returns itself when it has no cause', () => {
      const alone = new TpError({ code: 'alone', shortMessage: 'Alone.' });
      expect(alone.walk()).toBe(alone);
    });

    it('returns the first error in the chain that matches, starting with itself', () => {
      expect(top.walk((error) => error instanceof TpError)).toBe(top);
      expect(top.walk((error) => error instanceof TpError && error.code === 'middle')).toBe(middle);
      expect(top.walk((error) => error instanceof TypeError)).toBe(root);
    });

    it('returns undefined when nothing in the chain matches', () => {
      expect(top.walk((error) => error instanceof SyntaxError)).toBeUndefined();
    });

    it('stops at a cause that is not an Error', () => {
      const withString = new TpError({ code: 'x', shortMessage: 'X.', cause: 'plain string' });
      expect(withString.walk()).toBe('plain string');
      expect(withString.walk((error) => error === 'plain string')).toBe('plain string');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './errors.ts';
import { readField } from './readField.ts';

const context = { source: 'test', pair: 'ETH/USD' } as const;

describe('readField', () => {
  it('reads a field of the kind asked', () => {
    const from = { data: { amount: '1.5' }, list: ['2'] };
    expect(readField({ ...context, from, key: 'data', path: 'data', kind: 'object' })).toEqual({
      amount: '1.5',
    });
    expect(
      readField({ ...context, from: from.list, key: 0, path: 'list[0]', kind: 'string' }),
    ).toBe('2');
    expect(readField({ ...context, from, key: 'list', path: 'list', kind: 'array' })).toEqual([
      '2',
    ]);
  });

  it('names the missing path', () => {
    expect(() =>
      readField({ ...context, from: {}, key: 'data', path: 'data', kind: 'object' }),
    ).toThrow(
      expect.objectContaining({
        details: { source: 'test', pair: 'ETH/USD', reason: 'data is missing' },
      }),
    );
  });

  it('never reads through the prototype', () => {
    expect(() =>
      readField({ ...context, from: {}, key: 'constructor', path: 'x', kind: 'object' }),
    ).toThrow(MalformedResponseError);
    expect(() =>
      readField({ ...context, from: {}, key: 'toString', path: 'x', kind: 'string' }),
    ).toThrow(MalformedResponseError);
  });

  it.each([
    ['object', []],
    ['object', null],
    ['array', {}],
    ['string', 3380.5],
    ['string', null],
  ] as const)('refuses a %s that is %j', (kind, value) => {
    expect(() =>
      readField({ ...context, from: { value }, key: 'value', path: 'value', kind }),
    ).toThrow(MalformedResponseError);
  });

  it('refuses to read from something that is not an object', () => {
    expect(() =>
      readField({ ...context, from: 'text', key: 'length', path: 'length', kind: 'string' }),
    ).toThrow(MalformedResponseError);
  });
});

import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './errors.ts';
import { parseJsonBody } from './parseJsonBody.ts';

const context = { source: 'test', pair: 'ETH/USD' } as const;

describe('parseJsonBody', () => {
  it('reads a JSON object', () => {
    expect(parseJsonBody({ ...context, body: '{"a":"1"}' })).toEqual({ a: '1' });
  });

  it.each(['', '<html>', '{"a":', '[1]', 'null', '"text"', '12'])('refuses %j', (body) => {
    expect(() => parseJsonBody({ ...context, body })).toThrow(MalformedResponseError);
    let error: unknown;
    try {
      parseJsonBody({ ...context, body });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ details: { source: 'test', pair: 'ETH/USD' } });
  });
});

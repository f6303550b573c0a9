import { describe, expect, test } from 'vitest';
import { ApiError } from './errors.ts';
import { toErrorResponse } from './toErrorResponse.ts';

describe('toErrorResponse', () => {
  test('an ApiError gets the status of its code from the table', () => {
    const error = new ApiError({ code: 'not_found', message: 'No such session.', param: 'id' });
    expect(toErrorResponse(error)).toEqual({
      statusCode: 404,
      body: { error: { code: 'not_found', message: 'No such session.', param: 'id' } },
    });
  });

  test('a client error of unknown origin keeps its status and message', () => {
    const error = Object.assign(new Error('Method not allowed here.'), { statusCode: 405 });
    expect(toErrorResponse(error)).toEqual({
      statusCode: 405,
      body: { error: { code: 'invalid_request', message: 'Method not allowed here.' } },
    });
  });

  test('a server error or a thrown non-error says nothing of itself', () => {
    const expected = {
      statusCode: 500,
      body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } },
    };
    expect(
      toErrorResponse(Object.assign(new Error('db password wrong'), { statusCode: 502 })),
    ).toEqual(expected);
    expect(toErrorResponse('a string')).toEqual(expected);
    expect(toErrorResponse(null)).toEqual(expected);
  });

  test('a validation error on a header names the header', () => {
    const error = Object.assign(new Error('headers/idempotency-key must be string'), {
      code: 'FST_ERR_VALIDATION',
      validationContext: 'headers',
      validation: [
        {
          keyword: 'maxLength',
          instancePath: '/idempotency-key',
          params: {},
          message: 'must NOT have more than 255 characters',
        },
      ],
    });
    expect(toErrorResponse(error).body.error).toEqual({
      code: 'invalid_request',
      message: 'Field "idempotency-key" in the headers must NOT have more than 255 characters.',
      param: 'idempotency-key',
    });
  });
});

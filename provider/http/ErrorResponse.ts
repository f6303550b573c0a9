import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { apiErrorStatus } from './toErrorResponse.ts';
import type { ApiErrorCode } from './toErrorResponse.ts';

/** The one body every error response has, whatever the route or the failure. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<ApiErrorCode>({
        type: 'string',
        enum: Object.keys(apiErrorStatus),
        description: 'Stable and machine readable; branch on this, not on the message.',
      }),
      message: Type.String({ description: 'One sentence for people.' }),
      param: Type.Optional(
        Type.String({ description: 'The request field at fault, e.g. `items[0].price`.' }),
      ),
    }),
  },
  { title: 'ErrorResponse' },
);

export type ErrorResponse = Static<typeof ErrorResponse>;

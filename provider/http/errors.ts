import { TpError } from '../../shared/errors/TpError.ts';
import type { ApiErrorCode } from './toErrorResponse.ts';

export type ApiErrorParameters = {
  code: ApiErrorCode;
  /** One sentence for the API's user; it is sent as is, so no internals. */
  message: string;
  /** The request field at fault (`amount`, `items[0].price`), when there is one. */
  param?: string | undefined;
  cause?: unknown;
};

/** An error a route throws on purpose; its HTTP status comes from the table in `toErrorResponse.ts`. */
export class ApiError extends TpError {
  override name = 'ApiError';
  declare readonly code: ApiErrorCode;
  readonly param: string | undefined;

  constructor({ code, message, param, cause }: ApiErrorParameters) {
    super({
      code,
      shortMessage: message,
      details: param === undefined ? {} : { param },
      cause,
    });
    this.param = param;
  }
}

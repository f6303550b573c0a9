import { TpError } from '../errors/TpError.ts';

/** The provider answered with its error body; `code` is the API's (`unauthorized`, …). */
export class ProviderApiError extends TpError {
  override name = 'ProviderApiError';
  readonly status: number;
  readonly param: string | undefined;

  constructor({
    code,
    message,
    param,
    status,
  }: {
    code: string;
    message: string;
    param: string | undefined;
    status: number;
  }) {
    super({
      code,
      shortMessage: message,
      details: param === undefined ? { status } : { status, param },
    });
    this.status = status;
    this.param = param;
  }
}

/** No answer (network, DNS, refused connection) or an answer that is not the API's JSON. */
export class ProviderUnreachableError extends TpError {
  override name = 'ProviderUnreachableError';
  override readonly code = 'provider/unreachable';

  constructor({ url, status, cause }: { url: string; status?: number; cause?: unknown }) {
    super({
      code: 'provider/unreachable',
      shortMessage:
        status === undefined
          ? 'The TP Pay provider could not be reached.'
          : `The TP Pay provider answered HTTP ${status} without a readable body.`,
      details: status === undefined ? { url } : { url, status },
      cause,
    });
  }
}

/** The call needs a key the client was not given (a secret key, say, in a page). */
export class MissingProviderKeyError extends TpError {
  override name = 'MissingProviderKeyError';
  override readonly code = 'provider/missing-key';

  constructor({ operation, needs }: { operation: string; needs: string }) {
    super({
      code: 'provider/missing-key',
      shortMessage: `${operation} needs ${needs}; pass it to createProviderClient.`,
      details: { operation, needs },
    });
  }
}

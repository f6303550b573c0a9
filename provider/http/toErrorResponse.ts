import { ApiError } from './errors.ts';
import type { ErrorResponse } from './ErrorResponse.ts';

/** Every error code the API answers with, and its HTTP status. The only place statuses are chosen. */
export const apiErrorStatus = {
  invalid_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  not_found: 404,
  transaction_not_found: 404,
  idempotency_conflict: 409,
  session_not_open: 409,
  payment_already_used: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  chain_not_accepted: 422,
  transaction_failed: 422,
  payment_reference_missing: 422,
  transaction_not_a_transfer: 422,
  payment_mismatch: 422,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
  rates_unavailable: 503,
  chain_unavailable: 503,
  chain_no_quorum: 503,
  // On-ramp (provider/onramp): a refused order says which rule refused it.
  onramp_quote_expired: 409,
  onramp_quote_used: 409,
  onramp_amount_below_minimum: 403,
  onramp_amount_above_maximum: 403,
  onramp_verification_required: 403,
  onramp_address_denied: 403,
  onramp_country_not_served: 403,
  onramp_currency_not_supported: 403,
  onramp_webhook_signature_invalid: 401,
  onramp_unavailable: 503,
  // Subscriptions (provider/subscriptions).
  subscription_not_active: 409,
  subscription_exists: 409,
  no_renewal_due: 404,
  invalid_signature: 403,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof apiErrorStatus;

/** Fastify's own errors (body parsing, routing, validation), by their `code`. */
const apiCodeByFastifyCode: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_BAD_URL: 'invalid_request',
  FST_ERR_MAX_PARAM_LENGTH: 'invalid_request',
};

/** Other client errors that carry only a status (from Fastify plugins, say). */
const apiCodeByClientStatus: Readonly<Record<number, ApiErrorCode>> = {
  404: 'not_found',
  413: 'body_too_large',
  415: 'unsupported_media_type',
};

export type ToErrorResponseReturnType = { statusCode: number; body: ErrorResponse };

/**
 * Maps anything thrown while handling a request to a status and the one error body.
 * Unknown errors become a bare 500 `internal_error`: their message and stack stay in the log.
 */
export function toErrorResponse(error: unknown): ToErrorResponseReturnType {
  if (error instanceof ApiError) return respond(error.code, error.shortMessage, error.param);

  const { code, statusCode, message } = readErrorFields(error);
  if (code === 'FST_ERR_VALIDATION') return respondToValidation(error);
  const fastifyApiCode = code === undefined ? undefined : apiCodeByFastifyCode[code];
  if (fastifyApiCode !== undefined) return respond(fastifyApiCode, message);
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    const body = respond(apiCodeByClientStatus[statusCode] ?? 'invalid_request', message).body;
    return { statusCode, body };
  }
  return respond('internal_error', 'Something went wrong on our side.');
}

function respond(code: ApiErrorCode, message: string, param?: string): ToErrorResponseReturnType {
  return {
    statusCode: apiErrorStatus[code],
    body: { error: param === undefined ? { code, message } : { code, message, param } },
  };
}

function readErrorFields(error: unknown): {
  code: string | undefined;
  statusCode: number | undefined;
  message: string;
} {
  if (typeof error !== 'object' || error === null) {
    return { code: undefined, statusCode: undefined, message: '' };
  }
  const fields = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  return {
    code: typeof fields.code === 'string' ? fields.code : undefined,
    statusCode: typeof fields.statusCode === 'number' ? fields.statusCode : undefined,
    message: typeof fields.message === 'string' ? fields.message : '',
  };
}

type ValidationIssue = {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
};

const partNames: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

/** Names the first failing field (Ajv stops at the first error) as `param`. */
function respondToValidation(error: unknown): ToErrorResponseReturnType {
  const { validation, validationContext } = error as {
    validation?: ValidationIssue[];
    validationContext?: string;
  };
  const part = partNames[validationContext ?? ''] ?? 'request';
  const issue = validation?.[0];
  if (issue === undefined) return respond('invalid_request', `The ${part} is invalid.`);

  const path = toParamPath(issue.instancePath ?? '');
  const { missingProperty, additionalProperty } = issue.params ?? {};
  if (issue.keyword === 'required' && typeof missingProperty === 'string') {
    const param = joinParam(path, missingProperty);
    return respond('invalid_request', `Missing required field "${param}" in the ${part}.`, param);
  }
  if (issue.keyword === 'additionalProperties' && typeof additionalProperty === 'string') {
    const param = joinParam(path, additionalProperty);
    return respond('invalid_request', `Unknown field "${param}" in the ${part}.`, param);
  }
  const reason = issue.message ?? 'is invalid';
  if (path === '') return respond('invalid_request', `The ${part} ${reason}.`);
  return respond('invalid_request', `Field "${path}" in the ${part} ${reason}.`, path);
}

/** JSON pointer `/items/0/price` → `items[0].price`. */
function toParamPath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : joinParam(path, segment)),
      '',
    );
}

function joinParam(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

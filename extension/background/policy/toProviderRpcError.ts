import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import type { Decision, DecisionReason } from './Decision.ts';
import {
  InvalidPermissionRequestError,
  InvalidPolicyError,
  ReservationRefusedError,
  UnsupportedPermissionRuleError,
  UnsupportedPermissionTypeError,
} from './errors.ts';

export type ToProviderRpcErrorParameters = { decision: Decision } | { error: unknown };
export type ToProviderRpcErrorReturnType = ProviderRpcError | undefined;

/**
 * What a site is told when the policy says no, as EIP-1193 errors:
 * - a `block` decision, or a reservation refused as blocked: 4100 with the rules that blocked,
 *   by name only (a site learns that a cap stopped it, never the user's amounts or history);
 * - a reservation that now needs more approval than the user gave: 4001 (ask again, or give up);
 * - a malformed or unsupported `wallet_requestExecutionPermissions`, or a policy or grant that
 *   does not fit the model: -32602 naming the field (and the policy error's code).
 * Anything else is not the policy's: `undefined`, for the caller's own mapping
 * (`toProviderRpcError({ error }) ?? error` passes it on unchanged).
 */
export function toProviderRpcError(
  parameters: ToProviderRpcErrorParameters,
): ToProviderRpcErrorReturnType {
  if ('decision' in parameters) {
    const { decision } = parameters;
    if (decision.action !== 'block') return undefined;
    return blocked(
      decision.reasons.filter((reason) => reason.action === 'block').map(describeRule),
    );
  }
  const { error } = parameters;
  if (error instanceof ReservationRefusedError) {
    if (error.action === 'block') {
      const rules = error.details.rules;
      return blocked(Array.isArray(rules) ? rules.map(String) : []);
    }
    return new ProviderRpcError(
      'userRejected',
      'The spending policy needs a new approval for this request.',
      { action: error.action },
    );
  }
  if (
    error instanceof InvalidPermissionRequestError ||
    error instanceof UnsupportedPermissionTypeError ||
    error instanceof UnsupportedPermissionRuleError ||
    error instanceof InvalidPolicyError
  ) {
    const field = error.details.field;
    return new ProviderRpcError('invalidParams', error.shortMessage, {
      param: typeof field === 'string' ? field : 'params',
      code: error.code,
    });
  }
  return undefined;
}

function blocked(rules: readonly string[]): ProviderRpcError {
  const unique = [...new Set(rules)];
  return new ProviderRpcError(
    'unauthorized',
    `Refused by the wallet's spending policy for this site (${unique.join(', ') || 'blocked'}).`,
    { reason: 'spending-policy', rules: unique },
  );
}

/** `limit:day`, `limit:transaction`, `recipient-not-allowed`… */
function describeRule(reason: DecisionReason): string {
  return reason.rule === 'limit' ? `${reason.scope}-limit:${reason.window}` : reason.rule;
}

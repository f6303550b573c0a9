import { TpError } from '../../../shared/errors/TpError.ts';
import type { PolicyAction } from './Policy.ts';

/**
 * The errors of the policy module; each `code` is stable and part of the API. `toProviderRpcError`
 * maps them onto EIP-1193 / EIP-1474 codes for a site. Details name the field, never echo more
 * than a short excerpt of what a site sent.
 */

const maxEchoedLength = 80;

function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length <= maxEchoedLength ? text : `${text.slice(0, maxEchoedLength)}…`;
}

/** A stored or edited policy that does not fit the model. */
export class InvalidPolicyError extends TpError {
  override name = 'InvalidPolicyError';
  override readonly code = 'policy/invalid';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'policy/invalid',
      shortMessage: `Invalid spending policy: ${excerpt(field)} must be ${expected}.`,
      details: { field: excerpt(field), expected },
    });
  }
}

/** A `wallet_requestExecutionPermissions` request that is malformed. */
export class InvalidPermissionRequestError extends TpError {
  override name = 'InvalidPermissionRequestError';
  override readonly code = 'policy/invalid-permission-request';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'policy/invalid-permission-request',
      shortMessage: `Invalid permission request: ${excerpt(field)} must be ${expected}.`,
      details: { field: excerpt(field), expected },
    });
  }
}

/** An ERC-7715 permission type TP Wallet does not grant (streams, revocations, unknown). */
export class UnsupportedPermissionTypeError extends TpError {
  override name = 'UnsupportedPermissionTypeError';
  override readonly code = 'policy/unsupported-permission-type';

  constructor({
    field,
    type,
    supported,
  }: {
    field: string;
    type: unknown;
    supported: readonly string[];
  }) {
    super({
      code: 'policy/unsupported-permission-type',
      shortMessage: `TP Wallet does not grant the permission type "${excerpt(type)}"; it grants ${supported.join(', ')}.`,
      details: { field, type: excerpt(type), supported },
    });
  }
}

/**
 * An ERC-7715 rule TP Wallet cannot enforce. Rules restrict a permission: granting one while
 * ignoring its rule would grant more than the site asked for, so the whole request is refused.
 */
export class UnsupportedPermissionRuleError extends TpError {
  override name = 'UnsupportedPermissionRuleError';
  override readonly code = 'policy/unsupported-permission-rule';

  constructor({
    field,
    type,
    supported,
  }: {
    field: string;
    type: unknown;
    supported: readonly string[];
  }) {
    super({
      code: 'policy/unsupported-permission-rule',
      shortMessage: `TP Wallet cannot enforce the rule "${excerpt(type)}"; it enforces ${supported.join(', ')}.`,
      details: { field, type: excerpt(type), supported },
    });
  }
}

/**
 * `reserve` decided again, inside the ledger's transaction, and the request now needs more than
 * the user gave (`approvedAction`), or is blocked: another payment used the cap meanwhile.
 */
export class ReservationRefusedError extends TpError {
  override name = 'ReservationRefusedError';
  override readonly code = 'policy/reservation-refused';
  /** What the request needs now; `block` or higher than `approvedAction`. */
  readonly action: PolicyAction;

  constructor({
    action,
    approvedAction,
    rules,
  }: {
    action: PolicyAction;
    approvedAction: PolicyAction;
    rules: readonly string[];
  }) {
    super({
      code: 'policy/reservation-refused',
      shortMessage:
        action === 'block'
          ? 'The spending policy blocks this request.'
          : `This request now needs "${action}", more than the "${approvedAction}" it was given.`,
      details: { action, approvedAction, rules },
    });
    this.action = action;
  }
}

/** No reservation has this id or transaction hash. */
export class ReservationNotFoundError extends TpError {
  override name = 'ReservationNotFoundError';
  override readonly code = 'policy/reservation-not-found';

  constructor({ key }: { key: string }) {
    super({
      code: 'policy/reservation-not-found',
      shortMessage: 'No spending reservation matches.',
      details: { key: excerpt(key) },
    });
  }
}

/** A ledger call that does not fit the reservation's state (a transaction on a released one). */
export class InvalidReservationStateError extends TpError {
  override name = 'InvalidReservationStateError';
  override readonly code = 'policy/invalid-reservation-state';

  constructor({
    reservationId,
    status,
    operation,
  }: {
    reservationId: string;
    status: string;
    operation: string;
  }) {
    super({
      code: 'policy/invalid-reservation-state',
      shortMessage: `Cannot ${operation} a reservation that is ${status}.`,
      details: { reservationId, status, operation },
    });
  }
}

/** A caller passed the ledger something malformed (a bad hash, nonce or id). */
export class InvalidLedgerInputError extends TpError {
  override name = 'InvalidLedgerInputError';
  override readonly code = 'policy/invalid-ledger-input';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'policy/invalid-ledger-input',
      shortMessage: `Invalid ledger input: ${field} must be ${expected}.`,
      details: { field, expected },
    });
  }
}

/** `lowerApprovalAmount` on calldata that is not an approval, or to an amount that is not lower. */
export class InvalidApprovalChangeError extends TpError {
  override name = 'InvalidApprovalChangeError';
  override readonly code = 'policy/invalid-approval-change';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'policy/invalid-approval-change',
      shortMessage: `Cannot lower this approval: ${reason}.`,
      details: { reason },
    });
  }
}

/**
 * The wallet's currency was asked to change while fiat caps are set in the old one: their
 * amounts would silently mean something else, so the user must give the rate to convert them at.
 */
export class CurrencyConversionRequiredError extends TpError {
  override name = 'CurrencyConversionRequiredError';
  override readonly code = 'policy/currency-conversion-required';

  constructor({ from, to, fiatLimitCount }: { from: string; to: string; fiatLimitCount: number }) {
    super({
      code: 'policy/currency-conversion-required',
      shortMessage: `Caps are set in ${from} (${fiatLimitCount} amounts): give the ${from} → ${to} rate to convert them.`,
      details: { field: 'conversionRate', from, to, fiatLimitCount },
    });
  }
}

import { numberToHex } from 'viem';
import type { Grant } from './Policy.ts';
import type { ExecutionPermissionRequest } from './parseExecutionPermissionRequest.ts';

export type FormatExecutionPermissionResponseParameters = {
  request: ExecutionPermissionRequest;
  /** The grant as the user gave it (possibly lowered or shortened), now in the site's policy. */
  grant: Grant;
};
export type FormatExecutionPermissionResponseReturnType = Record<string, unknown>;

/**
 * One element of the `wallet_requestExecutionPermissions` result: the request as sent, with the
 * values actually granted (ERC-7715: "not guaranteed that the values received are equivalent to
 * those requested"), `context` (the grant's id, for the site to refer to it) and an empty
 * `dependencies` list. No `delegationManager`: the wallet enforces the grant itself.
 */
export function formatExecutionPermissionResponse({
  request,
  grant,
}: FormatExecutionPermissionResponseParameters): FormatExecutionPermissionResponseReturnType {
  const original = request.original;
  const originalPermission = original.permission as Record<string, unknown>;
  const amount = numberToHex(grant.amount);
  const rules = Array.isArray(original.rules)
    ? (original.rules as Record<string, unknown>[]).filter((rule) => rule.type !== 'expiry')
    : [];
  if (grant.endTime !== undefined)
    rules.push({ type: 'expiry', isAdjustmentAllowed: true, data: { timestamp: grant.endTime } });
  const { expiry: _expiry, ...rest } = original;
  return {
    ...rest,
    chainId: numberToHex(grant.chainId),
    permission: {
      ...originalPermission,
      isAdjustmentAllowed: request.isAdjustmentAllowed,
      data: {
        ...(grant.asset === 'native' ? {} : { tokenAddress: grant.asset }),
        ...(grant.periodSeconds === undefined
          ? { allowanceAmount: amount }
          : { periodAmount: amount, periodDuration: grant.periodSeconds }),
        startTime: grant.startTime,
        ...(grant.justification === undefined ? {} : { justification: grant.justification }),
      },
    },
    rules,
    context: grant.id,
    dependencies: [],
  };
}

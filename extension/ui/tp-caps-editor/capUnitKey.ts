import type { LimitJson } from '../../../shared/protocol/policyMessages.ts';

export type CapUnitKeyParameters = LimitJson['unit'];
export type CapUnitKeyReturnType = string;

/** A unit's identity in the form: addresses compare in lower case, whatever their checksum. */
export function capUnitKey(unit: CapUnitKeyParameters): CapUnitKeyReturnType {
  return unit.kind === 'fiat' ? 'fiat' : `token:${unit.chainId}:${unit.asset.toLowerCase()}`;
}

export type RuleAssetKeyParameters = { readonly chainId: number; readonly asset: string };
export type RuleAssetKeyReturnType = string;

/** An asset's identity in the form: addresses compare in lower case, whatever their checksum. */
export function ruleAssetKey({ chainId, asset }: RuleAssetKeyParameters): RuleAssetKeyReturnType {
  return `${chainId}:${asset.toLowerCase()}`;
}

import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { Network } from '../../../shared/chains/networks.ts';
import type { LimitJson } from '../../../shared/protocol/policyMessages.ts';
import type { CapUnitOption } from './CapDraft.ts';
import { capUnitKey } from './capUnitKey.ts';

export type ListCapUnitsParameters = {
  /** The caps being edited: a token they count in stays choosable even if no list has it. */
  readonly limits: readonly LimitJson[];
  readonly networks?: readonly Network[];
};
export type ListCapUnitsReturnType = readonly CapUnitOption[];

/**
 * Every unit a cap can count in: the wallet's currency first, then each network's native coin
 * and the tokens the wallet itself lists for it (never a symbol a site suggested), then any
 * token an existing cap already uses.
 */
export function listCapUnits({
  limits,
  networks = knownNetworks,
}: ListCapUnitsParameters): ListCapUnitsReturnType {
  const options: CapUnitOption[] = [{ key: 'fiat', unit: { kind: 'fiat' } }];
  const seen = new Set(['fiat']);
  const add = (option: CapUnitOption) => {
    if (seen.has(option.key)) return;
    seen.add(option.key);
    options.push(option);
  };
  for (const network of networks) {
    const native = {
      kind: 'token',
      chainId: network.chainId,
      asset: 'native',
      symbol: network.nativeCurrency.symbol,
      decimals: network.nativeCurrency.decimals,
    } as const;
    add({ key: capUnitKey(native), unit: native, networkName: network.name });
    for (const token of network.tokens) {
      const unit = {
        kind: 'token',
        chainId: network.chainId,
        asset: token.address,
        symbol: token.symbol,
        decimals: token.decimals,
      } as const;
      add({ key: capUnitKey(unit), unit, networkName: network.name });
    }
  }
  for (const limit of limits) {
    if (limit.unit.kind === 'fiat') continue;
    const chainId = limit.unit.chainId;
    const networkName = networks.find((network) => network.chainId === chainId)?.name;
    add({
      key: capUnitKey(limit.unit),
      unit: limit.unit,
      ...(networkName === undefined ? {} : { networkName }),
    });
  }
  return options;
}

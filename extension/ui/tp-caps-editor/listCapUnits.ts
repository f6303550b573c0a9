import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { LimitJson } from '../../../shared/protocol/policyMessages.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import type { CapUnitOption } from './CapDraft.ts';
import { capUnitKey } from './capUnitKey.ts';

export type ListCapUnitsParameters = {
  /** The caps being edited: a token they count in stays choosable even if no list has it. */
  readonly limits: readonly LimitJson[];
  /** The wallet's networks (`getSite`): built-in ones and those sites added, with their tokens. */
  readonly networks?: readonly WalletNetworkView[];
};
export type ListCapUnitsReturnType = readonly CapUnitOption[];

/**
 * Every unit a cap can count in: the wallet's currency first, then each network's native coin
 * and its tokens (the wallet's own list, then those sites asked it to watch, marked as theirs),
 * then any token an existing cap already uses. A unit is its chain and address, so a cap in a
 * watched "USDC" never counts the listed one.
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
    const onNetwork = {
      networkName: network.name,
      ...(network.isAddedBySite === true ? { isNetworkAddedBySite: true } : {}),
    };
    const native = {
      kind: 'token',
      chainId: network.chainId,
      asset: 'native',
      symbol: network.nativeCurrency.symbol,
      decimals: network.nativeCurrency.decimals,
    } as const;
    add({ key: capUnitKey(native), unit: native, ...onNetwork });
    for (const token of network.tokens) {
      const unit = {
        kind: 'token',
        chainId: network.chainId,
        asset: token.address,
        symbol: token.symbol,
        decimals: token.decimals,
      } as const;
      add({
        key: capUnitKey(unit),
        unit,
        ...onNetwork,
        ...(token.isAddedBySite === true ? { isAddedBySite: true } : {}),
      });
    }
  }
  for (const limit of limits) {
    if (limit.unit.kind === 'fiat') continue;
    const chainId = limit.unit.chainId;
    const network = networks.find((candidate) => candidate.chainId === chainId);
    add({
      key: capUnitKey(limit.unit),
      unit: limit.unit,
      ...(network === undefined ? {} : { networkName: network.name }),
      ...(network?.isAddedBySite === true ? { isNetworkAddedBySite: true } : {}),
    });
  }
  return options;
}

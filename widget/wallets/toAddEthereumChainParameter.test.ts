import { describe, expect, it } from 'vitest';
import { findNetwork } from '../../shared/chains/findNetwork.ts';
import { parseAddEthereumChainParameter } from '../../shared/chains/parseAddEthereumChainParameter.ts';
import { knownNetworks } from '../../shared/chains/networks.ts';
import { toAddEthereumChainParameter } from './toAddEthereumChainParameter.ts';

describe('toAddEthereumChainParameter', () => {
  it('describes Base as EIP-3085 asks', () => {
    const base = findNetwork(8453);
    expect(base && toAddEthereumChainParameter(base)).toMatchObject({
      chainId: '0x2105',
      chainName: 'Base',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      blockExplorerUrls: ['https://basescan.org'],
    });
  });

  it('gives every known network a parameter that TP Wallet itself accepts', () => {
    for (const network of knownNetworks) {
      const parsed = parseAddEthereumChainParameter(toAddEthereumChainParameter(network));
      expect(parsed.chainId, network.name).toBe(network.chainId);
      expect(parsed.chainName).toBe(network.name);
    }
  });
});

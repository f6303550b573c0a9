import { describe, expect, it } from 'vitest';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { parseAddEthereumChainRequest } from './parseAddEthereumChainRequest.ts';

const base = {
  chainId: '0x2105',
  chainName: 'Base',
  rpcUrls: ['https://mainnet.base.org'],
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
};

describe('parseAddEthereumChainRequest', () => {
  it('turns an EIP-3085 parameter into the network the wallet stores', () => {
    expect(
      parseAddEthereumChainRequest({ ...base, blockExplorerUrls: ['https://basescan.org'] }),
    ).toEqual({
      chainId: 8453,
      name: 'Base',
      rpcUrls: ['https://mainnet.base.org/'],
      nativeSymbol: 'ETH',
      blockExplorerUrl: 'https://basescan.org/',
      tokens: [],
    });
  });

  it('leaves out the explorer when the site gives none', () => {
    expect(parseAddEthereumChainRequest(base)).not.toHaveProperty('blockExplorerUrl');
  });

  it('refuses a malformed parameter with invalid params naming the field', () => {
    let caught: unknown;
    try {
      parseAddEthereumChainRequest({ ...base, chainId: 'base' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProviderRpcError);
    expect(caught).toMatchObject({ rpcCode: -32602, details: { param: 'chainId' } });
  });
});

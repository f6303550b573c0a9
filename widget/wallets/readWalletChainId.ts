import type { Eip1193Provider } from './Eip1193Provider.ts';
import { WalletResponseError } from './WalletResponseError.ts';

export type ReadWalletChainIdReturnType = number;

const chainIdPattern = /^0x[0-9a-fA-F]{1,13}$/;

/** The chain the wallet is on (`eth_chainId`), as a number. */
export async function readWalletChainId(
  provider: Eip1193Provider,
): Promise<ReadWalletChainIdReturnType> {
  const answer = await provider.request({ method: 'eth_chainId' });
  if (typeof answer !== 'string' || !chainIdPattern.test(answer)) {
    throw new WalletResponseError({ method: 'eth_chainId', expected: 'a hex chain id' });
  }
  return Number.parseInt(answer.slice(2), 16);
}

import type { Eip1193Provider } from './Eip1193Provider.ts';
import { WalletResponseError } from './WalletResponseError.ts';
import { isAddressText } from './isAddressText.ts';
import { readWalletChainId } from './readWalletChainId.ts';

export type ConnectWalletReturnType = { account: string; chainId: number };
/** Plus whatever the wallet rejects with (EIP-1193 errors: 4001, -32002…). */
export type ConnectWalletErrorType = WalletResponseError;

/** Asks the wallet for its accounts (`eth_requestAccounts`) and reads its chain. */
export async function connectWallet(provider: Eip1193Provider): Promise<ConnectWalletReturnType> {
  const accounts = await provider.request({ method: 'eth_requestAccounts' });
  const [account] = Array.isArray(accounts) ? (accounts as unknown[]) : [];
  if (typeof account !== 'string' || !isAddressText(account)) {
    throw new WalletResponseError({
      method: 'eth_requestAccounts',
      expected: 'a list of addresses',
    });
  }
  return { account, chainId: await readWalletChainId(provider) };
}

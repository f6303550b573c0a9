// A test dapp built from the libraries real sites use, bundled for the page under test. Each
// function drives TP Wallet exactly as that library would in a shop's own code.
import { BrowserProvider } from 'ethers';
import { createStore } from 'mipd';
import { createWalletClient, custom, erc20Abi, parseEther } from 'viem';
import type { Address, EIP1193Provider, Hex } from 'viem';
import { hardhat } from 'viem/chains';

type Eip1193 = EIP1193Provider;

function walletProvider(): Eip1193 {
  const provider = (window as unknown as { ethereum?: Eip1193 }).ethereum;
  if (!provider) throw new Error('no window.ethereum');
  return provider;
}

function viemClient() {
  return createWalletClient({ chain: hardhat, transport: custom(walletProvider()) });
}

export const realClients = {
  /** mipd: the EIP-6963 store finds TP Wallet by rdns. */
  async mipdFindRdns(rdns: string): Promise<string | undefined> {
    const store = createStore();
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const found = store.findProvider({ rdns });
      if (found) return found.info.name;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return undefined;
  },
  viemRequestAddresses: (): Promise<Address[]> => viemClient().requestAddresses(),
  async viemSendEth(to: Address, ether: string): Promise<Hex> {
    const client = viemClient();
    const [account] = await client.getAddresses();
    if (!account) throw new Error('not connected');
    return client.sendTransaction({ account, to, value: parseEther(ether) });
  },
  async viemTransferToken(token: Address, to: Address, amount: string): Promise<Hex> {
    const client = viemClient();
    const [account] = await client.getAddresses();
    if (!account) throw new Error('not connected');
    return client.writeContract({
      account,
      address: token,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [to, BigInt(amount)],
    });
  },
  async viemSignTypedData(): Promise<{ account: Address; signature: Hex }> {
    const client = viemClient();
    const [account] = await client.getAddresses();
    if (!account) throw new Error('not connected');
    const signature = await client.signTypedData({
      account,
      domain: { name: 'Acme', version: '1', chainId: hardhat.id },
      types: {
        Order: [
          { name: 'item', type: 'string' },
          { name: 'quantity', type: 'uint256' },
        ],
      },
      primaryType: 'Order',
      message: { item: 'House Blend', quantity: 2n },
    });
    return { account, signature };
  },
  viemSwitchChain: (chainId: number): Promise<void> => viemClient().switchChain({ id: chainId }),
  async ethersSend(to: string, ether: string): Promise<string> {
    const signer = await new BrowserProvider(walletProvider()).getSigner();
    const response = await signer.sendTransaction({ to, value: parseEther(ether) });
    return response.hash;
  },
  async ethersSignMessage(message: string): Promise<{ address: string; signature: string }> {
    const signer = await new BrowserProvider(walletProvider()).getSigner();
    return { address: await signer.getAddress(), signature: await signer.signMessage(message) };
  },
};

(window as unknown as { realClients: typeof realClients }).realClients = realClients;

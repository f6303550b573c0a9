/**
 * A second, independent EIP-6963 wallet for test pages, so the widget is shown to work with any
 * wallet and not only TP Wallet. The page gets a small EIP-1193 provider that announces itself
 * (`eip6963:announceProvider`); its requests go to this test process, where viem's local account
 * signs with the given dev key and sends to the dev chain. It approves everything at once (no
 * UI), as a scripted wallet would; the key never enters the page.
 */
import type { Page } from '@playwright/test';
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  hexToBigInt,
  http,
  numberToHex,
} from 'viem';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export type TestWalletTransaction = {
  readonly to: Address;
  readonly data?: Hex;
  readonly value?: bigint;
};

export type InstallTestWalletParameters = {
  readonly page: Page;
  readonly rpcUrl: string;
  readonly chainId: number;
  /** A funded dev-chain key (public test keys only), or a fresh one for an empty account. */
  readonly privateKey: Hex;
  /** The chain the wallet starts on; another than `chainId` puts it on the wrong network. */
  readonly initialChainId?: number;
  /** Lets a test change what is sent, as a shopper editing the amount in a wallet would. */
  readonly rewriteTransaction?: (transaction: TestWalletTransaction) => TestWalletTransaction;
  readonly name?: string;
};

export type InstallTestWalletReturnType = {
  readonly address: Address;
  readonly rdns: string;
  readonly name: string;
  /** Hashes of the transactions it sent, oldest first. */
  readonly sentTransactions: readonly Hex[];
  /** Every method the page asked for, in order. */
  readonly requests: readonly string[];
};

type Outcome = {
  result?: unknown;
  error?: { code: number; message: string };
  /** EIP-1193 events to fire in the page after answering: [name, value]. */
  events?: [string, unknown][];
};

const icon = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f766e"/><path d="M9 16h14M16 9v14" stroke="#fff" stroke-width="4"/></svg>',
).toString('base64')}`;

/** Methods answered by the chain itself; anything else unknown is refused with 4200. */
const readMethods = new Set([
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_getBalance',
  'eth_getBlockByNumber',
  'eth_getCode',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
]);

/** Installs the test wallet into `page` (before its next navigation). */
export async function installTestWallet({
  page,
  rpcUrl,
  chainId,
  privateKey,
  initialChainId = chainId,
  rewriteTransaction = (transaction) => transaction,
  name = 'Test Wallet',
}: InstallTestWalletParameters): Promise<InstallTestWalletReturnType> {
  const account = privateKeyToAccount(privateKey);
  const chain = defineChain({
    id: chainId,
    name: 'dev chain',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const walletClient = createWalletClient({ account, chain, transport: http(rpcUrl) });
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl) });
  const state = { activeChainId: initialChainId, isConnected: false };
  const sentTransactions: Hex[] = [];
  const requests: string[] = [];
  const rdns = 'dev.tppay.test-wallet';

  const handle = async (method: string, params: unknown): Promise<Outcome> => {
    requests.push(method);
    const first = (Array.isArray(params) ? params[0] : undefined) as
      Record<string, string | undefined> | undefined;
    switch (method) {
      case 'eth_chainId':
        return { result: numberToHex(state.activeChainId) };
      case 'eth_accounts':
        return { result: state.isConnected ? [account.address] : [] };
      case 'eth_requestAccounts':
        state.isConnected = true;
        return { result: [account.address], events: [['accountsChanged', [account.address]]] };
      case 'wallet_switchEthereumChain': {
        const wanted = Number(first?.chainId);
        if (wanted !== chainId && wanted !== 1) {
          return { error: { code: 4902, message: `Unrecognized chain ${first?.chainId}.` } };
        }
        state.activeChainId = wanted;
        return { result: null, events: [['chainChanged', numberToHex(wanted)]] };
      }
      case 'eth_sendTransaction': {
        if (!state.isConnected) return { error: { code: 4100, message: 'Not connected.' } };
        if (state.activeChainId !== chainId || first?.to === undefined) {
          return { error: { code: 4901, message: 'Not on the chain of this transaction.' } };
        }
        const transaction = rewriteTransaction({
          to: first.to as Address,
          data: first.data as Hex | undefined,
          value: first.value === undefined ? undefined : hexToBigInt(first.value as Hex),
        });
        const hash = await walletClient.sendTransaction(transaction);
        sentTransactions.push(hash);
        return { result: hash };
      }
      default:
        if (!readMethods.has(method)) {
          return { error: { code: 4200, message: `${method} is not supported.` } };
        }
        return {
          result: await publicClient.request({
            method: method as 'eth_blockNumber',
            params: params as undefined,
          }),
        };
    }
  };

  await page.exposeFunction('tpTestWalletRequest', (method: string, params: unknown) =>
    handle(method, params).catch((error: unknown) => ({
      error: {
        code: -32603,
        message: (error as { shortMessage?: string }).shortMessage ?? String(error),
      },
    })),
  );
  await page.addInitScript(
    (info) => {
      type Listener = (value: unknown) => void;
      const listeners = new Map<string, Set<Listener>>();
      const binding = window as unknown as {
        tpTestWalletRequest: (method: string, params: unknown) => Promise<Outcome>;
      };
      const provider = Object.freeze({
        async request({ method, params }: { method: string; params?: unknown }) {
          const outcome = await binding.tpTestWalletRequest(method, params ?? []);
          for (const [event, value] of outcome.events ?? []) {
            for (const listener of listeners.get(event) ?? []) listener(value);
          }
          if (outcome.error !== undefined) {
            throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
          }
          return outcome.result;
        },
        on(event: string, listener: Listener) {
          const set = listeners.get(event) ?? new Set<Listener>();
          set.add(listener);
          listeners.set(event, set);
        },
        removeListener(event: string, listener: Listener) {
          listeners.get(event)?.delete(listener);
        },
      });
      const detail = Object.freeze({ info: Object.freeze(info), provider });
      const announce = () => {
        window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
      };
      window.addEventListener('eip6963:requestProvider', announce);
      announce();
    },
    { uuid: crypto.randomUUID(), name, icon, rdns },
  );
  return { address: account.address, rdns, name, sentTransactions, requests };
}

// Test support: a Hardhat dev chain (port 0) with the test tokens deployed, and real transfers
// signed by its public test accounts through viem. Dev chain only: every key here is public.
import {
  concat,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  erc20Abi,
  http,
  keccak256,
} from 'viem';
import type { Address, Hex, TransactionReceipt } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { deployTestTokens } from '../../scripts/contracts/deployTestTokens.ts';
import type {
  DeployedTestToken,
  TestTokenSymbol,
} from '../../scripts/contracts/deployTestTokens.ts';
import { startDevChain } from '../../scripts/devChain/startDevChain.ts';

export type TestPayment = {
  /** Default: the merchant. */
  to?: Address;
  /** 32 hex digits, or `null` for a transfer without reference. */
  reference: string | null;
  amount: bigint;
  /** Forces the gas so that a transfer that reverts is still mined. */
  gas?: bigint;
};

export type PaymentsTestChain = {
  rpcUrl: string;
  /** The same node's WebSocket endpoint (Hardhat serves both on one port). */
  webSocketUrl: string;
  chainId: 31337;
  tokens: Record<TestTokenSymbol, DeployedTestToken>;
  shopper: Address;
  merchant: Address;
  /** Signs a token transfer (calldata + reference); send it with `sendRaw`. */
  signTokenPayment(symbol: TestTokenSymbol, payment: TestPayment): Promise<Hex>;
  /** Signs a native transfer whose data is the reference. */
  signNativePayment(payment: TestPayment): Promise<Hex>;
  /** Sends a signed transaction and waits for its receipt (mined at once: automine). */
  sendRaw(serialized: Hex): Promise<TransactionReceipt>;
  payToken(symbol: TestTokenSymbol, payment: TestPayment): Promise<TransactionReceipt>;
  payNative(payment: TestPayment): Promise<TransactionReceipt>;
  head(): Promise<bigint>;
  mine(blocks: number): Promise<void>;
  snapshot(): Promise<Hex>;
  revert(id: Hex): Promise<void>;
  stop(): Promise<void>;
};

export async function startPaymentsTestChain(): Promise<PaymentsTestChain> {
  const chain = await startDevChain({ port: 0 });
  try {
    const deployed = await deployTestTokens({ rpcUrl: chain.rpcUrl });
    const [, shopperKeys, merchantKeys] = deployed.accounts;
    if (shopperKeys === undefined || merchantKeys === undefined) {
      throw new Error('the dev chain has fewer than 3 funded accounts');
    }
    const account = privateKeyToAccount(shopperKeys.privateKey);
    const transport = http(chain.rpcUrl, { retryCount: 0 });
    const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
    const walletClient = createWalletClient({ chain: hardhat, transport, account });
    const testClient = createTestClient({ chain: hardhat, transport, mode: 'hardhat' });
    const merchant = merchantKeys.address;

    const sign = async (to: Address, data: Hex, value: bigint, gas?: bigint): Promise<Hex> => {
      const request = await walletClient.prepareTransactionRequest({
        to,
        data,
        value,
        ...(gas === undefined ? {} : { gas }),
      });
      return walletClient.signTransaction(request);
    };
    const withReference = (data: Hex, reference: string | null): Hex =>
      reference === null ? data : concat([data, `0x${reference}`]);

    const signTokenPayment = (symbol: TestTokenSymbol, payment: TestPayment): Promise<Hex> => {
      const call = encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [payment.to ?? merchant, payment.amount],
      });
      return sign(
        deployed.tokens[symbol].address,
        withReference(call, payment.reference),
        0n,
        payment.gas,
      );
    };
    const signNativePayment = (payment: TestPayment): Promise<Hex> =>
      sign(
        payment.to ?? merchant,
        withReference('0x', payment.reference),
        payment.amount,
        payment.gas,
      );
    const sendRaw = async (serialized: Hex): Promise<TransactionReceipt> => {
      // Hardhat answers a reverted transaction with an error although it mined it: look anyway.
      const sendError: unknown = await walletClient
        .sendRawTransaction({ serializedTransaction: serialized })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      try {
        return await publicClient.waitForTransactionReceipt({
          hash: keccak256(serialized),
          timeout: 10_000,
        });
      } catch (error) {
        throw sendError ?? error;
      }
    };

    return {
      rpcUrl: chain.rpcUrl,
      webSocketUrl: chain.rpcUrl.replace(/^http/, 'ws'),
      chainId: 31337,
      tokens: deployed.tokens,
      shopper: account.address,
      merchant,
      signTokenPayment,
      signNativePayment,
      sendRaw,
      payToken: async (symbol, payment) => sendRaw(await signTokenPayment(symbol, payment)),
      payNative: async (payment) => sendRaw(await signNativePayment(payment)),
      head: () => publicClient.getBlockNumber({ cacheTime: 0 }),
      mine: (blocks) => testClient.mine({ blocks }),
      snapshot: () => testClient.snapshot(),
      revert: (id) => testClient.revert({ id }),
      stop: chain.stop,
    };
  } catch (error) {
    await chain.stop();
    throw error;
  }
}

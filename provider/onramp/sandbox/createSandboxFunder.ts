import { createPublicClient, createWalletClient, erc20Abi, getAddress, http } from 'viem';
import type { Address, Chain, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ChainAsset } from '../../../shared/chains/ChainAsset.ts';
import { DevKeyOnForeignChainError, SandboxFundingError } from '../errors.ts';
import { isPublicDevKey } from './isPublicDevKey.ts';

export type CreateSandboxFunderParameters = {
  /** The dev chain's JSON-RPC URL. */
  rpcUrl: string;
  /** The chain the sandbox sells on; the RPC must answer with it. */
  chainId: number;
  /**
   * The account that pays out: the test tokens' owner (it mints) or an account holding them (it
   * transfers). A public Hardhat key is accepted on chain 31337 only.
   */
  privateKey: Hex;
  /** How long to wait for a receipt (default 60 s). */
  receiptTimeoutMs?: number;
  /**
   * With a token, also this much of the native coin when the buyer holds less (default 0.01 ETH;
   * `0n`: never): a fresh test wallet could not pay gas for its first transfer otherwise.
   */
  gasTopUpWei?: bigint;
};

export type SandboxFunder = {
  readonly address: Address;
  readonly chainId: number;
  /** Sends `amount` base units of `asset` to `to`, waits for a successful receipt. */
  send(parameters: { asset: ChainAsset; to: string; amount: bigint }): Promise<{ txHash: Hex }>;
};

export type CreateSandboxFunderReturnType = SandboxFunder;
export type CreateSandboxFunderErrorType = DevKeyOnForeignChainError;

/** The two functions of TestToken.sol (scripts/contracts) beyond ERC-20 that the sandbox uses. */
const mintableAbi = [
  {
    type: 'function',
    name: 'owner',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ name: '', type: 'address' }],
  },
  {
    type: 'function',
    name: 'mint',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'to', type: 'address' },
      { name: 'amount', type: 'uint256' },
    ],
    outputs: [],
  },
] as const;

/*
 * Trusted: the operator's settings. The funding account's nonces are this process's: sends are
 * queued one after another, so two orders never race for a nonce (one provider process runs the
 * sandbox; a second one with the same key would have to use another account).
 */

/**
 * The sandbox's payout: really sends the bought tokens on the dev chain (viem wallet client),
 * minting when the account owns the test token (scripts/contracts/TestToken.sol lets only its
 * deployer mint), transferring otherwise; ETH is sent as value. A token buyer holding less than
 * `gasTopUpWei` of the native coin gets that much first, so a fresh test wallet can pay with it.
 */
export function createSandboxFunder({
  rpcUrl,
  chainId,
  privateKey,
  receiptTimeoutMs = 60_000,
  gasTopUpWei = 10n ** 16n,
}: CreateSandboxFunderParameters): CreateSandboxFunderReturnType {
  const account = privateKeyToAccount(privateKey);
  const isPublic = isPublicDevKey(privateKey);
  if (isPublic && chainId !== 31337) {
    throw new DevKeyOnForeignChainError({ chainId, address: account.address });
  }
  const chain: Chain = {
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  };
  const transport = http(rpcUrl, { retryCount: 1, timeout: 10_000 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100, cacheTime: 0 });
  const walletClient = createWalletClient({ chain, transport, account });
  let checkedChain: Promise<void> | undefined;
  const ownsToken = new Map<string, Promise<boolean>>();
  let queue: Promise<unknown> = Promise.resolve();

  async function checkChain(): Promise<void> {
    const actual = await publicClient.getChainId();
    if (actual !== chainId) {
      throw new SandboxFundingError({
        reason: `the RPC answers for chain ${actual}, not the configured ${chainId}`,
      });
    }
    if (isPublic && actual !== 31337) {
      throw new DevKeyOnForeignChainError({ chainId: actual, address: account.address });
    }
  }

  function isOwner(token: Address): Promise<boolean> {
    let known = ownsToken.get(token);
    if (known === undefined) {
      known = publicClient
        .readContract({ address: token, abi: mintableAbi, functionName: 'owner' })
        .then((owner) => getAddress(owner) === account.address)
        .catch(() => false);
      ownsToken.set(token, known);
    }
    return known;
  }

  async function sendNow(asset: ChainAsset, to: Address, amount: bigint): Promise<{ txHash: Hex }> {
    checkedChain ??= checkChain().catch((error: unknown) => {
      checkedChain = undefined;
      throw error;
    });
    await checkedChain;
    if (asset.address !== null && gasTopUpWei > 0n) {
      let balance: bigint;
      try {
        balance = await publicClient.getBalance({ address: to });
      } catch (cause) {
        throw new SandboxFundingError({ reason: "the buyer's balance could not be read", cause });
      }
      if (balance < gasTopUpWei) {
        await confirm(
          await submit(`the ${asset.symbol} gas top-up`, () =>
            walletClient.sendTransaction({ to, value: gasTopUpWei }),
          ),
        );
      }
    }
    const hash = await submit(`the ${asset.symbol} transaction`, async () => {
      if (asset.address === null) {
        return walletClient.sendTransaction({ to, value: amount });
      }
      if (await isOwner(asset.address)) {
        return walletClient.writeContract({
          address: asset.address,
          abi: mintableAbi,
          functionName: 'mint',
          args: [to, amount],
        });
      }
      return walletClient.writeContract({
        address: asset.address,
        abi: erc20Abi,
        functionName: 'transfer',
        args: [to, amount],
      });
    });
    await confirm(hash);
    return { txHash: hash };
  }

  async function submit(what: string, send: () => Promise<Hex>): Promise<Hex> {
    try {
      return await send();
    } catch (cause) {
      throw new SandboxFundingError({ reason: `${what} was refused`, cause });
    }
  }

  async function confirm(hash: Hex): Promise<void> {
    let status: string | undefined;
    try {
      const receipt = await publicClient.waitForTransactionReceipt({
        hash,
        timeout: receiptTimeoutMs,
      });
      status = receipt.status;
    } catch (cause) {
      throw new SandboxFundingError({ reason: 'no receipt came', txHash: hash, cause });
    }
    // viem reports a status that is neither 0x0 nor 0x1 as undefined: only 'success' counts.
    if (status !== 'success') {
      throw new SandboxFundingError({ reason: 'the transaction reverted', txHash: hash });
    }
  }

  return {
    address: account.address,
    chainId,
    send({ asset, to, amount }) {
      if (asset.chainId !== chainId) {
        return Promise.reject(
          new SandboxFundingError({ reason: `${asset.symbol} is on chain ${asset.chainId}` }),
        );
      }
      const result = queue.then(() => sendNow(asset, getAddress(to), amount));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

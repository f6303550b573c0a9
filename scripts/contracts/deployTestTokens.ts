/**
 * Deploys the dev stack's test stablecoins from account 0 of the public Hardhat mnemonic and funds
 * the first 10 accounts. On a fresh chain the deployer's nonces 0, 1, 2 make the addresses the
 * same every time. The mnemonic and keys are public: dev chain only.
 */
import { createPublicClient, createWalletClient, getAddress, http, toHex } from 'viem';
import type { Address, Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { compileTestToken } from './compileTestToken.ts';
import type { CompileTestTokenErrorType } from './compileTestToken.ts';
import { TestTokenDeployError } from './TestTokenDeployError.ts';

export type DeployTestTokensParameters = {
  rpcUrl: string;
};

export type TestTokenSymbol = 'USDC' | 'EURC' | 'DAI';

export type DeployedTestToken = {
  /** EIP-55 checksummed. */
  address: Address;
  symbol: TestTokenSymbol;
  name: string;
  decimals: number;
};

export type DeployTestTokensReturnType = {
  chainId: 31337;
  tokens: Record<TestTokenSymbol, DeployedTestToken>;
  /** The first 10 accounts of the test mnemonic, each holding 1,000,000 whole units of every token. */
  accounts: { address: Address; privateKey: Hex }[];
};

export type DeployedTestTokens = DeployTestTokensReturnType;

/** Plus viem's transport and contract errors (unreachable RPC, wrong chain id). */
export type DeployTestTokensErrorType = TestTokenDeployError | CompileTestTokenErrorType | Error;

const testMnemonic = 'test test test test test test test test test test test junk';
const fundedAccountCount = 10;
const wholeUnitsPerAccount = 1_000_000n;
/** Deployment order is part of the contract: it fixes the addresses on a fresh chain. */
const tokenSpecs = [
  { symbol: 'USDC', name: 'USD Coin', decimals: 6 },
  { symbol: 'EURC', name: 'Euro Coin', decimals: 6 },
  { symbol: 'DAI', name: 'Dai Stablecoin', decimals: 18 },
] as const;

export async function deployTestTokens({
  rpcUrl,
}: DeployTestTokensParameters): Promise<DeployTestTokensReturnType> {
  const { abi, bytecode } = compileTestToken();
  const transport = http(rpcUrl, { retryCount: 0 });
  // Automine: receipts exist as soon as the send returns, so poll quickly.
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
  const deployer = mnemonicToAccount(testMnemonic, { addressIndex: 0 });
  const walletClient = createWalletClient({ chain: hardhat, transport, account: deployer });

  const accounts = Array.from({ length: fundedAccountCount }, (_, addressIndex) => {
    const account = mnemonicToAccount(testMnemonic, { addressIndex });
    const { privateKey } = account.getHdKey();
    if (privateKey === null) throw new TestTokenDeployError({ step: 'derive-account' });
    return { address: account.address, privateKey: toHex(privateKey) };
  });

  // Explicit nonces and fees spare viem two lookups per transaction. Automine does not queue
  // future nonces, so every send waits for the one before; the deploys take the deployer's next
  // three nonces in a fixed order, hence fixed addresses on a fresh chain.
  let nonce = await publicClient.getTransactionCount({
    address: deployer.address,
    blockTag: 'pending',
  });
  const fees = await publicClient.estimateFeesPerGas();
  const nextTransaction = () => ({ nonce: nonce++, type: 'eip1559' as const, ...fees });

  const tokens = {} as Record<TestTokenSymbol, DeployedTestToken>;
  for (const { symbol, name, decimals } of tokenSpecs) {
    const hash = await walletClient.deployContract({
      abi,
      bytecode,
      args: [name, symbol, decimals],
      ...nextTransaction(),
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success' || receipt.contractAddress == null) {
      throw new TestTokenDeployError({ step: 'deploy', symbol, transactionHash: hash });
    }
    tokens[symbol] = { address: getAddress(receipt.contractAddress), symbol, name, decimals };
  }

  const mintHashes: { symbol: TestTokenSymbol; hash: Hex }[] = [];
  for (const { symbol, decimals } of tokenSpecs) {
    for (const { address } of accounts) {
      const hash = await walletClient.writeContract({
        address: tokens[symbol].address,
        abi,
        functionName: 'mint',
        args: [address, wholeUnitsPerAccount * 10n ** BigInt(decimals)],
        ...nextTransaction(),
      });
      mintHashes.push({ symbol, hash });
    }
  }
  for (const { symbol, hash } of mintHashes) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') {
      throw new TestTokenDeployError({ step: 'mint', symbol, transactionHash: hash });
    }
  }

  return { chainId: 31337, tokens, accounts };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, isAddress, parseSignature } from 'viem';
import type { PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { startDevChain } from '../devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../devChain/startDevChain.ts';
import { deployTestTokens } from './deployTestTokens.ts';
import type { DeployTestTokensReturnType } from './deployTestTokens.ts';
import { testTokenAbi } from './testTokenAbi.ts';

describe('deployTestTokens', () => {
  const chains: StartDevChainReturnType[] = [];
  let deployed: DeployTestTokensReturnType;
  let deployedAgain: DeployTestTokensReturnType;
  let client: PublicClient;
  let rpcUrl: string;

  beforeAll(async () => {
    // Two fresh chains, to show the addresses do not depend on anything but the deploy order.
    let startedAt = performance.now();
    chains.push(...(await Promise.all([startDevChain({ port: 0 }), startDevChain({ port: 0 })])));
    console.info(`two dev chains started in ${(performance.now() - startedAt).toFixed(0)} ms`);
    const [first, second] = chains;
    if (first === undefined || second === undefined) throw new Error('chains did not start');
    startedAt = performance.now();
    deployed = await deployTestTokens({ rpcUrl: first.rpcUrl });
    console.info(`deployed and minted in ${(performance.now() - startedAt).toFixed(0)} ms (first)`);
    startedAt = performance.now();
    deployedAgain = await deployTestTokens({ rpcUrl: second.rpcUrl });
    console.info(
      `deployed and minted in ${(performance.now() - startedAt).toFixed(0)} ms (second)`,
    );
    rpcUrl = first.rpcUrl;
    client = createPublicClient({ chain: hardhat, transport: http(rpcUrl) });
  });
  afterAll(async () => {
    await Promise.all(chains.map((chain) => chain.stop()));
  });

  it('reads back each token’s name, symbol and decimals from the chain', async () => {
    const expected = {
      USDC: { name: 'USD Coin', decimals: 6 },
      EURC: { name: 'Euro Coin', decimals: 6 },
      DAI: { name: 'Dai Stablecoin', decimals: 18 },
    } as const;
    expect(deployed.chainId).toBe(31337);
    for (const symbol of ['USDC', 'EURC', 'DAI'] as const) {
      const token = deployed.tokens[symbol];
      expect(token).toMatchObject({ symbol, ...expected[symbol] });
      const read = (functionName: 'name' | 'symbol' | 'decimals') =>
        client.readContract({ address: token.address, abi: testTokenAbi, functionName });
      expect(await read('name')).toBe(expected[symbol].name);
      expect(await read('symbol')).toBe(symbol);
      expect(await read('decimals')).toBe(expected[symbol].decimals);
    }
  });

  it('mints 1,000,000 whole units of every token to each of the first 10 accounts', async () => {
    expect(deployed.accounts).toHaveLength(10);
    for (const { address, decimals } of Object.values(deployed.tokens)) {
      const balances = await Promise.all(
        deployed.accounts.map((account) =>
          client.readContract({
            address,
            abi: testTokenAbi,
            functionName: 'balanceOf',
            args: [account.address],
          }),
        ),
      );
      expect(new Set(balances)).toEqual(new Set([1_000_000n * 10n ** BigInt(decimals)]));
      const totalSupply = await client.readContract({
        address,
        abi: testTokenAbi,
        functionName: 'totalSupply',
      });
      expect(totalSupply).toBe(10_000_000n * 10n ** BigInt(decimals));
    }
  });

  it('returns the accounts’ private keys, matching their addresses', () => {
    expect(deployed.accounts[0]).toEqual({
      address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    });
    for (const { address, privateKey } of deployed.accounts) {
      expect(privateKeyToAccount(privateKey).address).toBe(address);
    }
  });

  it('gives checksummed addresses that are the same on every fresh chain', () => {
    for (const { address } of Object.values(deployed.tokens)) {
      expect(isAddress(address, { strict: true })).toBe(true);
    }
    expect(deployedAgain).toEqual(deployed);
    expect(deployed.tokens.USDC.address).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3');
    expect(deployed.tokens.EURC.address).toBe('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512');
    expect(deployed.tokens.DAI.address).toBe('0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0');
  });

  it('accepts an EIP-2612 permit signed off-chain by a holder (domain: token name, version 1)', async () => {
    const [, holder, spender] = deployed.accounts;
    if (holder === undefined || spender === undefined) throw new Error('missing accounts');
    const owner = privateKeyToAccount(holder.privateKey);
    const token = deployed.tokens.EURC;
    const value = 25_000_000n;
    const deadline = 2n ** 40n;
    const signature = await owner.signTypedData({
      domain: { name: token.name, version: '1', chainId: 31337, verifyingContract: token.address },
      types: {
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'spender', type: 'address' },
          { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      message: { owner: owner.address, spender: spender.address, value, nonce: 0n, deadline },
    });
    const { r, s, v } = parseSignature(signature);
    if (v === undefined) throw new Error('signature without v');
    const wallet = createWalletClient({
      account: privateKeyToAccount(spender.privateKey),
      chain: hardhat,
      transport: http(rpcUrl),
    });
    const hash = await wallet.writeContract({
      address: token.address,
      abi: testTokenAbi,
      functionName: 'permit',
      args: [owner.address, spender.address, value, deadline, Number(v), r, s],
    });
    expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success');
    const allowance = await client.readContract({
      address: token.address,
      abi: testTokenAbi,
      functionName: 'allowance',
      args: [owner.address, spender.address],
    });
    expect(allowance).toBe(value);
  });

  it('lets only the deployer mint', async () => {
    const [, stranger] = deployed.accounts;
    if (stranger === undefined) throw new Error('missing account 1');
    await expect(
      client.simulateContract({
        account: stranger.address,
        address: deployed.tokens.USDC.address,
        abi: testTokenAbi,
        functionName: 'mint',
        args: [stranger.address, 1n],
      }),
    ).rejects.toThrow(/OwnableUnauthorizedAccount/);
  });
});

import fc from 'fast-check';
import {
  bytesToHex,
  createPublicClient,
  createWalletClient,
  http,
  parseSignature,
  recoverTypedDataAddress,
} from 'viem';
import type { Address, TypedDataDefinition } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployTestTokens } from '../../../scripts/contracts/deployTestTokens.ts';
import { testTokenAbi } from '../../../scripts/contracts/testTokenAbi.ts';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import { describeTypedData } from '../decode/describeTypedData.ts';
import { InvalidTypedDataError } from '../decode/errors.ts';
import vectors from '../decode/fixtures/eip712-vectors.json' with { type: 'json' };
import { parseTypedData } from '../decode/parseTypedData.ts';
import type { KeyringState } from './KeyringState.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { KeyringInvalidArgumentError, UnknownAccountError } from './errors.ts';
import { importPrivateKey } from './importPrivateKey.ts';
import { signTypedDataV4 } from './signTypedDataV4.ts';
import { ChainMismatchError } from './signingErrors.ts';

const cow = vectors.address as Address;
/** HD accounts 0 and 1 of the public "test … junk" phrase (Hardhat's first two). */
const account0: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const account1: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const spender: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

const permitTypes = {
  EIP712Domain: [
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
    { name: 'chainId', type: 'uint256' },
    { name: 'verifyingContract', type: 'address' },
  ],
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};

describe('signTypedDataV4', () => {
  let state: KeyringState;
  beforeAll(async () => {
    const created = await createKeyring({
      mnemonic: {
        phrase: 'test test test test test test test test test test test junk',
        language: 'en',
      },
    });
    const withSecond = (await addAccount({ state: created })).state;
    state = importPrivateKey({ state: withSecond, privateKey: vectors.privateKey }).state;
  });

  describe('known answers', () => {
    it("gives the EIP-712 spec's signature for its Mail example (key keccak256('cow'))", async () => {
      const signature = await signTypedDataV4({
        state,
        address: cow,
        typedData: vectors.mail.typedData,
        activeChainId: 1,
      });
      expect(signature).toBe(vectors.mail.signature);
      expect(parseSignature(signature)).toMatchObject({
        r: '0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d',
        s: '0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562',
        v: 28n,
      });
    });

    it('signs the JSON string eth_signTypedData_v4 sends the same way', async () => {
      await expect(
        signTypedDataV4({
          state,
          address: cow.toLowerCase(),
          typedData: JSON.stringify(vectors.mail.typedData),
          activeChainId: 1,
        }),
      ).resolves.toBe(vectors.mail.signature);
    });

    it("matches MetaMask eth-sig-util's v4 vector with arrays of structs", async () => {
      await expect(
        signTypedDataV4({
          state,
          address: cow,
          typedData: JSON.stringify(vectors.mailWithArrays.typedData),
          activeChainId: 1,
        }),
      ).resolves.toBe(vectors.mailWithArrays.signature);
    });
  });

  it('produces signatures that recover to the signer, for any permit', async () => {
    const address = fc
      .uint8Array({ minLength: 20, maxLength: 20 })
      .map((bytes) => bytesToHex(bytes));
    const uint256 = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ spender: address, value: uint256, nonce: uint256, deadline: uint256 }),
        address,
        fc.constantFrom(cow, account1),
        async (fields, token, signer) => {
          const typedData = {
            types: permitTypes,
            primaryType: 'Permit',
            domain: { name: 'Token', version: '1', chainId: 31337, verifyingContract: token },
            message: {
              owner: signer,
              spender: fields.spender,
              value: fields.value.toString(),
              nonce: `0x${fields.nonce.toString(16)}`,
              deadline: fields.deadline.toString(),
            },
          };
          const signature = await signTypedDataV4({
            state,
            address: signer,
            typedData: JSON.stringify(typedData),
            activeChainId: 31337,
          });
          const parsed = parseTypedData({ typedData });
          await expect(
            recoverTypedDataAddress({ ...(parsed as unknown as TypedDataDefinition), signature }),
          ).resolves.toBe(signer);
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('chain binding', () => {
    it('refuses typed data for another chain than the active one', async () => {
      const error = await signTypedDataV4({
        state,
        address: cow,
        typedData: vectors.mail.typedData,
        activeChainId: 31337,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ChainMismatchError);
      expect(error).toMatchObject({
        code: 'signing/chain-mismatch',
        details: { chainId: '1', activeChainId: 31337 },
      });
    });

    it('compares the chain id by value, whatever its notation', async () => {
      const typedData = {
        ...vectors.mail.typedData,
        domain: { ...vectors.mail.typedData.domain, chainId: '0x1' },
      };
      await expect(
        signTypedDataV4({ state, address: cow, typedData, activeChainId: 1 }),
      ).resolves.toBe(vectors.mail.signature);
    });

    it('signs a domain without chainId on any chain', async () => {
      const typedData = {
        ...vectors.mail.typedData,
        types: {
          ...vectors.mail.typedData.types,
          EIP712Domain: [{ name: 'name', type: 'string' }],
        },
        domain: { name: 'Ether Mail' },
      };
      const signature = await signTypedDataV4({ state, address: cow, typedData, activeChainId: 5 });
      await expect(
        recoverTypedDataAddress({
          ...(parseTypedData({ typedData }) as unknown as TypedDataDefinition),
          signature,
        }),
      ).resolves.toBe(cow);
    });

    it('refuses a nonsensical active chain id', async () => {
      await expect(
        signTypedDataV4({
          state,
          address: cow,
          typedData: vectors.mail.typedData,
          activeChainId: 0,
        }),
      ).rejects.toThrow(KeyringInvalidArgumentError);
    });
  });

  describe('refusals', () => {
    it.each([
      ['not JSON', '{"types":'],
      ['a missing EIP712Domain', { ...vectors.mail.typedData, types: { Mail: [] } }],
      [
        'an undeclared message key',
        { ...vectors.mail.typedData, message: { ...vectors.mail.typedData.message, value: 1 } },
      ],
      [
        'a wrong field type',
        { ...vectors.mail.typedData, message: { ...vectors.mail.typedData.message, contents: 5 } },
      ],
    ])('refuses %s with InvalidTypedDataError', async (_label, typedData) => {
      await expect(
        signTypedDataV4({ state, address: cow, typedData, activeChainId: 1 }),
      ).rejects.toThrow(InvalidTypedDataError);
    });

    it('refuses an account the keyring does not hold', async () => {
      await expect(
        signTypedDataV4({
          state,
          address: spender,
          typedData: vectors.mail.typedData,
          activeChainId: 1,
        }),
      ).rejects.toThrow(UnknownAccountError);
    });
  });

  describe('on a real dev chain', () => {
    let chain: Awaited<ReturnType<typeof startDevChain>>;
    beforeAll(async () => {
      chain = await startDevChain({ port: 0 });
    });
    afterAll(async () => {
      await chain.stop();
    });

    it("signs an EIP-2612 permit that USDC's permit() accepts", async () => {
      const { tokens, accounts } = await deployTestTokens({ rpcUrl: chain.rpcUrl });
      const transport = http(chain.rpcUrl);
      const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
      const relayer = createWalletClient({
        chain: hardhat,
        transport,
        account: privateKeyToAccount(accounts[0]?.privateKey ?? '0x'),
      });
      const usdc = tokens.USDC.address;
      const nonce = await publicClient.readContract({
        address: usdc,
        abi: testTokenAbi,
        functionName: 'nonces',
        args: [account1],
      });
      const value = 12_345_678n;
      const deadline = 2n ** 40n;
      const typedData = JSON.stringify({
        types: permitTypes,
        primaryType: 'Permit',
        domain: { name: 'USD Coin', version: '1', chainId: 31337, verifyingContract: usdc },
        message: {
          owner: account1,
          spender,
          value: value.toString(),
          nonce: nonce.toString(),
          deadline: deadline.toString(),
        },
      });

      expect(describeTypedData({ typedData, knownTokens: [tokens.USDC] })).toMatchObject({
        kind: 'permit',
        owner: account1,
        spender,
        allowances: [{ token: usdc, tokenSymbol: 'USDC', amount: '12345678', isUnlimited: false }],
      });

      const signature = await signTypedDataV4({
        state,
        address: account1,
        typedData,
        activeChainId: 31337,
      });
      const { r, s, v } = parseSignature(signature);
      const hash = await relayer.writeContract({
        address: usdc,
        abi: testTokenAbi,
        functionName: 'permit',
        args: [account1, spender, value, deadline, Number(v), r, s],
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).toBe('success');
      await expect(
        publicClient.readContract({
          address: usdc,
          abi: testTokenAbi,
          functionName: 'allowance',
          args: [account1, spender],
        }),
      ).resolves.toBe(value);
      await expect(
        publicClient.readContract({
          address: usdc,
          abi: testTokenAbi,
          functionName: 'nonces',
          args: [account1],
        }),
      ).resolves.toBe(nonce + 1n);
    });

    it('a permit signed by another account is rejected on chain', async () => {
      const publicClient = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
      const usdc = (await deployTestTokens({ rpcUrl: chain.rpcUrl })).tokens.USDC.address;
      const message = {
        owner: account1,
        spender,
        value: '1',
        nonce: '0',
        deadline: '1099511627776',
      };
      const signature = await signTypedDataV4({
        state,
        address: account0,
        typedData: {
          types: permitTypes,
          primaryType: 'Permit',
          domain: { name: 'USD Coin', version: '1', chainId: 31337, verifyingContract: usdc },
          message,
        },
        activeChainId: 31337,
      });
      const { r, s, v } = parseSignature(signature);
      await expect(
        publicClient.simulateContract({
          account: account0,
          address: usdc,
          abi: testTokenAbi,
          functionName: 'permit',
          args: [account1, spender, 1n, 2n ** 40n, Number(v), r, s],
        }),
      ).rejects.toThrow(/ERC2612InvalidSigner/);
    });
  });
});

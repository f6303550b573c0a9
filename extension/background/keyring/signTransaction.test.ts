import fc from 'fast-check';
import {
  bytesToHex,
  createPublicClient,
  encodeFunctionData,
  erc20Abi,
  http,
  parseEther,
  parseGwei,
  parseTransaction,
  recoverTransactionAddress,
} from 'viem';
import type { Address, Hex } from 'viem';
import { hardhat } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployTestTokens } from '../../../scripts/contracts/deployTestTokens.ts';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import type { KeyringState } from './KeyringState.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { UnknownAccountError } from './errors.ts';
import { signTransaction } from './signTransaction.ts';
import type { Eip1559TransactionRequest } from './signTransaction.ts';
import { InvalidTransactionError } from './signingErrors.ts';

/** The public "test … junk" phrase: accounts 0 and 1 are Hardhat's (and Anvil's) first two. */
const account0: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const account1: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

async function testKeyring(): Promise<KeyringState> {
  const created = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
  return (await addAccount({ state: created })).state;
}

const base = {
  chainId: 1,
  nonce: 785,
  value: 0n,
  gas: 21_000n,
  maxFeePerGas: 0n,
  maxPriorityFeePerGas: 0n,
} satisfies Eip1559TransactionRequest;

describe('signTransaction', () => {
  let state: KeyringState;
  beforeAll(async () => {
    state = await testKeyring();
  });

  describe("known answers (viem's signTransaction tests, Hardhat/Anvil account 0)", () => {
    it('signs fees 20/2 gwei, no recipient', async () => {
      const signed = await signTransaction({
        state,
        address: account0,
        transaction: {
          ...base,
          maxFeePerGas: parseGwei('20'),
          maxPriorityFeePerGas: parseGwei('2'),
        },
      });
      expect(signed).toBe(
        '0x02f8590182031184773594008504a817c800825208808080c001a06ea33b188b30a5f5d0d1cec62b2bac7203ff428a49048766596727737689043fa0255b74c8e704e3692497a29cd246ffc4344b4107457ce1c914fe2b4e09993859',
      );
      await expect(
        recoverTransactionAddress({ serializedTransaction: signed as never }),
      ).resolves.toBe(account0);
    });

    it('signs data', async () => {
      const signed = await signTransaction({
        state,
        address: account0,
        transaction: { ...base, data: '0x1234' },
      });
      expect(signed).toBe(
        '0x02f8520182031180808252088080821234c001a054d552c58a162c9003633c20871d8e381ef7a3c35d1c8a79c7c12d5cf09a0914a03c5d6241f8c4fcf8b35262de038d3ab1940feb1a70b934ae5d40ea6bce912e2d',
      );
    });

    it('signs an access list', async () => {
      const signed = await signTransaction({
        state,
        address: account0,
        transaction: {
          ...base,
          accessList: [
            {
              address: account0,
              storageKeys: [
                '0x0000000000000000000000000000000000000000000000000000000000000001',
                '0x60fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe',
              ],
            },
          ],
        },
      });
      expect(signed).toBe(
        '0x02f8ac018203118080825208808080f85bf85994f39fd6e51aad88f6f4ce6ab8827279cfffb92266f842a00000000000000000000000000000000000000000000000000000000000000001a060fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe80a0df4810a25d0e147163b03e392bf083dc852702715b9ba848eb9821c70ce2c92ea00b6d11209ef326abaf83aa2443ba61851c7c8ca0813e347a04b501f584b03024',
      );
    });
  });

  it('signs exactly the fields it was given, as type 2, recoverable to the account', async () => {
    const quantity = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          chainId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          nonce: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
          value: quantity,
          gas: fc.bigInt({ min: 1n, max: 2n ** 64n }),
          fees: fc.tuple(quantity, quantity),
          data: fc.uint8Array({ maxLength: 100 }).map((bytes) => bytesToHex(bytes)),
        }),
        async ({ fees, ...fields }) => {
          const [low, high] = fees[0] <= fees[1] ? fees : [fees[1], fees[0]];
          const signed = await signTransaction({
            state,
            address: account1,
            transaction: { ...fields, to: account0, maxFeePerGas: high, maxPriorityFeePerGas: low },
          });
          const parsed = parseTransaction(signed);
          expect(parsed).toMatchObject({
            type: 'eip1559',
            chainId: fields.chainId,
            to: account0.toLowerCase(),
            gas: fields.gas,
          });
          expect(parsed.value ?? 0n).toBe(fields.value);
          expect(parsed.nonce ?? 0).toBe(fields.nonce);
          expect(parsed.data ?? '0x').toBe(fields.data);
          await expect(
            recoverTransactionAddress({ serializedTransaction: signed as never }),
          ).resolves.toBe(account1);
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('refusals, before any key is derived', () => {
    const valid: Eip1559TransactionRequest = { ...base, to: account1, maxFeePerGas: 2n };
    const refusal = async (transaction: unknown): Promise<InvalidTransactionError> => {
      try {
        await signTransaction({ state, address: account0, transaction: transaction as never });
      } catch (error) {
        if (error instanceof InvalidTransactionError) return error;
        throw error;
      }
      throw new Error('signed');
    };

    it.each([
      ['chainId 0', { chainId: 0 }, 'chainId'],
      ['chainId as bigint', { chainId: 1n }, 'chainId'],
      ['chainId unsafe', { chainId: 2 ** 53 }, 'chainId'],
      ['a negative nonce', { nonce: -1 }, 'nonce'],
      ['a fractional nonce', { nonce: 1.5 }, 'nonce'],
      ['a nonce beyond 2^53', { nonce: 2n ** 53n }, 'nonce'],
      ['a negative value', { value: -1n }, 'value'],
      ['a value of 2^256', { value: 2n ** 256n }, 'value'],
      ['a value as a number', { value: 1 }, 'value'],
      ['a value as a hex string', { value: '0x1' }, 'value'],
      ['zero gas', { gas: 0n }, 'gas'],
      ['a priority fee above the max fee', { maxPriorityFeePerGas: 3n }, 'maxPriorityFeePerGas'],
      ['a bad EIP-55 checksum', { to: '0x70997970C51812dc3A010C7d01b50e0d17dc79c8' }, 'to'],
      ['a short address', { to: '0x7099' }, 'to'],
      ['a null recipient', { to: null }, 'to'],
      ['odd-length data', { data: '0x123' }, 'data'],
      ['non-hex data', { data: 'a9059cbb' }, 'data'],
      ['a legacy gasPrice', { gasPrice: 1n }, 'gasPrice'],
      ['an EIP-7702 authorization list', { authorizationList: [] }, 'authorizationList'],
      ['another type', { type: 'legacy' }, 'type'],
      [
        'an access list entry without keys',
        { accessList: [{ address: account0 }] },
        'accessList[0].storageKeys',
      ],
      [
        'a short storage key',
        { accessList: [{ address: account0, storageKeys: ['0x01'] }] },
        'accessList[0].storageKeys[0]',
      ],
    ])('refuses %s', async (_label, change, field) => {
      expect((await refusal({ ...valid, ...change })).details.field).toBe(field);
    });

    it('refuses data over the size limit', async () => {
      const data = `0x${'00'.repeat(128 * 1024 + 1)}`;
      expect((await refusal({ ...valid, data })).details.field).toBe('data');
    });

    it('refuses a missing field', async () => {
      const { gas: _gas, ...withoutGas } = valid;
      expect((await refusal(withoutGas)).details.field).toBe('gas');
    });

    it('refuses an account the keyring does not hold', async () => {
      await expect(
        signTransaction({
          state,
          address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
          transaction: valid,
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

    const client = () =>
      createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl), pollingInterval: 50 });

    it('sends ETH from account 1: the chain accepts the signature and the receipt succeeds', async () => {
      const publicClient = client();
      const fees = await publicClient.estimateFeesPerGas();
      const nonce = await publicClient.getTransactionCount({ address: account1 });
      const before = await publicClient.getBalance({ address: account0 });
      const signed = await signTransaction({
        state,
        address: account1,
        transaction: {
          chainId: 31337,
          nonce,
          to: account0,
          value: parseEther('1.5'),
          gas: 21_000n,
          maxFeePerGas: fees.maxFeePerGas,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
        },
      });
      const hash = await publicClient.sendRawTransaction({ serializedTransaction: signed });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).toBe('success');
      expect(receipt.from).toBe(account1.toLowerCase());
      expect(await publicClient.getBalance({ address: account0 })).toBe(before + parseEther('1.5'));
    });

    it('sends an ERC-20 transfer carrying a payment reference after its arguments', async () => {
      const publicClient = client();
      const { tokens } = await deployTestTokens({ rpcUrl: chain.rpcUrl });
      const fees = await publicClient.estimateFeesPerGas();
      const nonce = await publicClient.getTransactionCount({ address: account1 });
      const data = `${encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [account0, 2_500_000n],
      })}74700000000000000000000000000001` as Hex;
      const before = await publicClient.readContract({
        address: tokens.USDC.address,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [account0],
      });
      const signed = await signTransaction({
        state,
        address: account1,
        transaction: {
          chainId: 31337,
          nonce,
          to: tokens.USDC.address,
          value: 0n,
          data,
          gas: 100_000n,
          maxFeePerGas: fees.maxFeePerGas,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
        },
      });
      const hash = await publicClient.sendRawTransaction({ serializedTransaction: signed });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).toBe('success');
      const after = await publicClient.readContract({
        address: tokens.USDC.address,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [account0],
      });
      expect(after - before).toBe(2_500_000n);
      expect((await publicClient.getTransaction({ hash })).input).toBe(data);
    });
  });
});

import fc from 'fast-check';
import {
  bytesToHex,
  concatHex,
  encodeFunctionData,
  erc20Abi,
  maxUint256,
  parseAbi,
  toFunctionSelector,
} from 'viem';
import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { devChainTokens } from '../../../shared/chains/devChainTokens.ts';
import { describeTransaction } from './describeTransaction.ts';
import { InvalidDescribeInputError } from './errors.ts';

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const unknownToken = '0x1111111111111111111111111111111111111111';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const spender = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const knownTokens = devChainTokens;

const describeCall = (to: Address | undefined, data: Hex | undefined, value = 0n) =>
  describeTransaction({ transaction: { to, value, data }, knownTokens });

describe('describeTransaction', () => {
  describe('known answers (ABI words assembled by hand)', () => {
    it('reads a USDC transfer of 1,000,000 base units to the merchant', () => {
      // transfer(0x7099…79C8, 1000000), selector a9059cbb.
      const data: Hex =
        '0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000000000000000000000000000000000000000000000000f4240';
      expect(describeCall(usdc, data)).toEqual({
        kind: 'erc20-transfer',
        token: usdc,
        tokenSymbol: 'USDC',
        tokenDecimals: 6,
        to: merchant,
        amount: '1000000',
        value: '0',
      });
    });

    it('reads the classic unlimited approve (maxUint256)', () => {
      const data: Hex =
        '0x095ea7b30000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bcffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';
      expect(describeCall(unknownToken, data)).toEqual({
        kind: 'erc20-approve',
        token: unknownToken,
        spender,
        amount: maxUint256.toString(),
        isUnlimited: true,
        value: '0',
      });
    });

    it('uses the standard selectors', () => {
      expect(toFunctionSelector('function transfer(address,uint256)')).toBe('0xa9059cbb');
      expect(toFunctionSelector('function approve(address,uint256)')).toBe('0x095ea7b3');
      expect(toFunctionSelector('function transferFrom(address,address,uint256)')).toBe(
        '0x23b872dd',
      );
      expect(toFunctionSelector('function increaseAllowance(address,uint256)')).toBe('0x39509351');
    });
  });

  describe('ERC-20 calls built with viem', () => {
    it('round-trips a transfer', () => {
      const data = encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [merchant, 123_456_789n],
      });
      expect(describeCall(usdc, data)).toMatchObject({
        kind: 'erc20-transfer',
        to: merchant,
        amount: '123456789',
      });
      expect(describeCall(usdc, data)).not.toHaveProperty('reference');
    });

    it('returns the bytes after the arguments as the payment reference', () => {
      const reference: Hex = '0x7470000000000000000000000000000000000001deadbeef';
      const data = concatHex([
        encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [merchant, 5n] }),
        reference,
      ]);
      expect(describeCall(usdc, data)).toMatchObject({
        kind: 'erc20-transfer',
        amount: '5',
        reference,
      });
    });

    it('keeps a single trailing byte as a reference too', () => {
      const data = concatHex([
        encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [merchant, 5n] }),
        '0x01',
      ]);
      expect(describeCall(usdc, data)).toMatchObject({ kind: 'erc20-transfer', reference: '0x01' });
    });

    it('flags approvals of 2^255 and more as unlimited, and not one below', () => {
      const approve = (amount: bigint) =>
        describeCall(
          usdc,
          encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] }),
        );
      expect(approve(2n ** 255n)).toMatchObject({ kind: 'erc20-approve', isUnlimited: true });
      expect(approve(2n ** 255n - 1n)).toMatchObject({ kind: 'erc20-approve', isUnlimited: false });
      expect(approve(0n)).toMatchObject({ amount: '0', isUnlimited: false });
    });

    it('reads transferFrom', () => {
      const data = encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transferFrom',
        args: [spender, merchant, 42n],
      });
      expect(describeCall(usdc, data)).toEqual({
        kind: 'erc20-transfer-from',
        token: usdc,
        tokenSymbol: 'USDC',
        tokenDecimals: 6,
        from: spender,
        to: merchant,
        amount: '42',
        value: '0',
      });
    });

    it('reads OpenZeppelin 4 increaseAllowance', () => {
      const data = encodeFunctionData({
        abi: parseAbi(['function increaseAllowance(address spender, uint256 addedValue)']),
        functionName: 'increaseAllowance',
        args: [spender, maxUint256],
      });
      expect(describeCall(usdc, data)).toMatchObject({
        kind: 'erc20-increase-allowance',
        spender,
        amount: maxUint256.toString(),
        isUnlimited: true,
      });
    });

    it('keeps the native value on an ERC-20 call: it is spending too', () => {
      const data = encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [merchant, 1n],
      });
      expect(describeCall(usdc, data, 10n ** 18n)).toMatchObject({
        kind: 'erc20-transfer',
        value: '1000000000000000000',
      });
    });

    it('accepts upper-case hex and a lower-case token address', () => {
      const data = encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [merchant, 1n],
      });
      const upper: Hex = `0x${data.slice(2).toUpperCase()}`;
      expect(describeCall(usdc.toLowerCase() as Address, upper)).toMatchObject({
        kind: 'erc20-transfer',
        token: usdc,
        tokenSymbol: 'USDC',
      });
    });
  });

  describe('everything else', () => {
    it('describes a plain payment as a native transfer, with or without empty data', () => {
      const expected = { kind: 'native-transfer', to: merchant, value: '7' };
      expect(describeCall(merchant, undefined, 7n)).toEqual(expected);
      expect(describeCall(merchant, '0x', 7n)).toEqual(expected);
    });

    it('describes a transaction without `to` as a deploy', () => {
      expect(describeCall(undefined, '0x6080604052', 3n)).toEqual({
        kind: 'deploy',
        value: '3',
        dataSize: 5,
      });
    });

    it('leaves an unknown selector undecoded, naming the selector', () => {
      expect(describeCall(usdc, '0xdeadbeef00', 1n)).toEqual({
        kind: 'contract-call',
        to: usdc,
        value: '1',
        selector: '0xdeadbeef',
        isDecoded: false,
      });
    });

    it('leaves calldata shorter than a selector undecoded, without a selector', () => {
      expect(describeCall(usdc, '0xa905')).toEqual({
        kind: 'contract-call',
        to: usdc,
        value: '0',
        isDecoded: false,
      });
    });
  });

  describe('adversarial calldata', () => {
    const transfer = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [merchant, 1_000_000n],
    });

    it('refuses to decode truncated arguments', () => {
      for (const cut of [1, 31, 32, 33, 63]) {
        expect(describeCall(usdc, transfer.slice(0, -2 * cut) as Hex)).toMatchObject({
          kind: 'contract-call',
          selector: '0xa9059cbb',
          isDecoded: false,
        });
      }
      expect(describeCall(usdc, '0xa9059cbb')).toMatchObject({ kind: 'contract-call' });
    });

    it('refuses an address word with high bytes set (it would not be canonical ABI)', () => {
      const dirty = `0xa9059cbb${'00'.repeat(11)}01${transfer.slice(2 + 8 + 24)}` as Hex;
      expect(dirty.length).toBe(transfer.length);
      expect(describeCall(usdc, dirty)).toMatchObject({ kind: 'contract-call', isDecoded: false });
    });

    it('treats odd-length or non-hex data as undecoded', () => {
      expect(describeCall(usdc, `${transfer}0` as Hex)).toMatchObject({
        kind: 'contract-call',
        isDecoded: false,
      });
      expect(describeCall(usdc, '0xzz')).toEqual({
        kind: 'contract-call',
        to: usdc,
        value: '0',
        isDecoded: false,
      });
      expect(describeCall(merchant, '0x0')).toMatchObject({ kind: 'contract-call' });
    });

    it('decodes the selector, not a look-alike prefix', () => {
      const wrongSelector = `0xa9059cbc${transfer.slice(10)}` as Hex;
      expect(describeCall(usdc, wrongSelector)).toMatchObject({
        kind: 'contract-call',
        selector: '0xa9059cbc',
      });
    });

    it('never throws on random calldata, and decodes only canonical ERC-20 calls', () => {
      const selectors = ['0xa9059cbb', '0x095ea7b3', '0x23b872dd', '0x39509351'];
      const calldata = fc.oneof(
        fc.uint8Array({ maxLength: 200 }).map((bytes) => bytesToHex(bytes)),
        fc
          .tuple(fc.constantFrom(...selectors), fc.uint8Array({ maxLength: 160 }))
          .map(([selector, bytes]) => `${selector}${Buffer.from(bytes).toString('hex')}`),
        fc.string({ maxLength: 80 }),
      );
      fc.assert(
        fc.property(calldata, fc.bigInt({ min: 0n, max: maxUint256 }), (data, value) => {
          const view = describeTransaction({
            transaction: { to: usdc, value, data: data as Hex },
            knownTokens,
          });
          expect(view.value).toBe(value.toString());
          if (view.kind.startsWith('erc20-')) {
            const arity = view.kind === 'erc20-transfer-from' ? 3 : 2;
            expect(data.length).toBeGreaterThanOrEqual(2 + 8 + 64 * arity);
          }
          expect(JSON.parse(JSON.stringify(view))).toEqual(view);
        }),
        { numRuns: 2000 },
      );
    });

    it('round-trips any transfer viem can encode, with any trailing reference', () => {
      const address = fc
        .uint8Array({ minLength: 20, maxLength: 20 })
        .map((bytes) => bytesToHex(bytes));
      fc.assert(
        fc.property(
          address,
          fc.bigInt({ min: 0n, max: maxUint256 }),
          fc.uint8Array({ maxLength: 64 }),
          (to, amount, trailing) => {
            const reference = bytesToHex(trailing);
            const data = concatHex([
              encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
              reference,
            ]);
            const view = describeCall(usdc, data);
            expect(view).toMatchObject({ kind: 'erc20-transfer', amount: amount.toString() });
            expect(view.kind === 'erc20-transfer' && view.to.toLowerCase()).toBe(to);
            expect(view.kind === 'erc20-transfer' ? view.reference : undefined).toBe(
              trailing.length === 0 ? undefined : reference,
            );
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('caller contract', () => {
    it('refuses a value or address the RPC layer should have rejected', () => {
      expect(() =>
        describeTransaction({ transaction: { to: usdc, value: -1n }, knownTokens }),
      ).toThrow(InvalidDescribeInputError);
      expect(() =>
        describeTransaction({ transaction: { to: usdc, value: 2n ** 256n }, knownTokens }),
      ).toThrow(InvalidDescribeInputError);
      expect(() =>
        describeTransaction({
          transaction: { to: '0x1234', value: 0n },
          knownTokens,
        }),
      ).toThrow(InvalidDescribeInputError);
      expect(() =>
        describeTransaction({
          transaction: { to: usdc, value: 1 as unknown as bigint },
          knownTokens,
        }),
      ).toThrow(InvalidDescribeInputError);
    });
  });
});

import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { extractSpend } from './extractSpend.ts';

// Mainnet contracts, so the typed data below is what real sites ask users to sign.
const usdc: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const dai: Address = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const weth: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const permit2: Address = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const universalRouter: Address = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const owner: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const shop: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const spender: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const knownTokens = [{ address: usdc }, { address: dai }, { address: weth }];
const mainnet = { chainId: 1, knownTokens };

// Calldata as wallets receive it (selector, then 32-byte words), written out by hand.
const transfer25Usdc: Hex =
  '0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000000000000000000000000000000000000000000000017d7840';
const approveMaxToPermit2: Hex =
  '0x095ea7b3000000000000000000000000000000000022d473030f116ddee9f6b43ac78ba3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';
const transferFrom3Dai: Hex =
  '0x23b872dd000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb922660000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc00000000000000000000000000000000000000000000000029a2241af62c0000';
const increaseAllowance5Usdc: Hex =
  '0x395093510000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc00000000000000000000000000000000000000000000000000000000004c4b40';

const eip712Domain = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];

function usdcPermit(value: string) {
  return {
    types: {
      EIP712Domain: eip712Domain,
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
    message: { owner, spender, value, nonce: 0, deadline: '1900000000' },
  };
}

function daiPermit(allowed: boolean) {
  return {
    types: {
      EIP712Domain: eip712Domain,
      Permit: [
        { name: 'holder', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'nonce', type: 'uint256' },
        { name: 'expiry', type: 'uint256' },
        { name: 'allowed', type: 'bool' },
      ],
    },
    primaryType: 'Permit',
    domain: { name: 'Dai Stablecoin', version: '1', chainId: 1, verifyingContract: dai },
    message: { holder: owner, spender, nonce: 0, expiry: 0, allowed },
  };
}

const permit2Domain = { name: 'Permit2', chainId: 1, verifyingContract: permit2 };
const permit2DomainType = [
  { name: 'name', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];
const permitDetails = [
  { name: 'token', type: 'address' },
  { name: 'amount', type: 'uint160' },
  { name: 'expiration', type: 'uint48' },
  { name: 'nonce', type: 'uint48' },
];
const tokenPermissions = [
  { name: 'token', type: 'address' },
  { name: 'amount', type: 'uint256' },
];

/** What Uniswap's interface asks for before a swap: USDC, the maximum uint160, to the router. */
const permitSingle = {
  types: {
    EIP712Domain: permit2DomainType,
    PermitSingle: [
      { name: 'details', type: 'PermitDetails' },
      { name: 'spender', type: 'address' },
      { name: 'sigDeadline', type: 'uint256' },
    ],
    PermitDetails: permitDetails,
  },
  primaryType: 'PermitSingle',
  domain: permit2Domain,
  message: {
    details: {
      token: usdc,
      amount: (2n ** 160n - 1n).toString(),
      expiration: 1_900_000_000,
      nonce: 0,
    },
    spender: universalRouter,
    sigDeadline: '1800000000',
  },
};

const permitBatch = {
  types: {
    EIP712Domain: permit2DomainType,
    PermitBatch: [
      { name: 'details', type: 'PermitDetails[]' },
      { name: 'spender', type: 'address' },
      { name: 'sigDeadline', type: 'uint256' },
    ],
    PermitDetails: permitDetails,
  },
  primaryType: 'PermitBatch',
  domain: permit2Domain,
  message: {
    details: [
      { token: usdc, amount: '10000000', expiration: 1_900_000_000, nonce: 0 },
      { token: weth, amount: '500000000000000000', expiration: 1_900_000_000, nonce: 1 },
    ],
    spender: universalRouter,
    sigDeadline: '1800000000',
  },
};

const permitTransferFrom = {
  types: {
    EIP712Domain: permit2DomainType,
    PermitTransferFrom: [
      { name: 'permitted', type: 'TokenPermissions' },
      { name: 'spender', type: 'address' },
      { name: 'nonce', type: 'uint256' },
      { name: 'deadline', type: 'uint256' },
    ],
    TokenPermissions: tokenPermissions,
  },
  primaryType: 'PermitTransferFrom',
  domain: permit2Domain,
  message: {
    permitted: { token: dai, amount: '2500000000000000000' },
    spender: shop,
    nonce: '7',
    deadline: '1800000000',
  },
};

describe('extractSpend', () => {
  describe('transactions', () => {
    it('counts a plain native transfer as its value, to its recipient', () => {
      expect(extractSpend({ ...mainnet, transaction: { to: shop, value: 10n ** 17n } })).toEqual({
        spends: [
          {
            kind: 'transfer',
            chainId: 1,
            asset: 'native',
            amount: 10n ** 17n,
            recipient: shop,
            isUnlimited: false,
          },
        ],
        isProvable: true,
      });
    });

    it('reads 25 USDC to the shop from transfer calldata', () => {
      expect(
        extractSpend({ ...mainnet, transaction: { to: usdc, value: 0n, data: transfer25Usdc } }),
      ).toEqual({
        spends: [
          {
            kind: 'transfer',
            chainId: 1,
            asset: usdc,
            amount: 25_000_000n,
            recipient: shop,
            isUnlimited: false,
          },
        ],
        isProvable: true,
      });
    });

    it('keeps a payment reference after the arguments and still counts the transfer', () => {
      const withReference = `${transfer25Usdc}${'ab'.repeat(16)}` as Hex;
      const { spends, isProvable } = extractSpend({
        ...mainnet,
        transaction: { to: usdc, value: 0n, data: withReference },
      });
      expect(isProvable).toBe(true);
      expect(spends.map((spend) => spend.amount)).toEqual([25_000_000n]);
    });

    it('counts an unlimited approve to Permit2 at its full amount, flagged unlimited', () => {
      expect(
        extractSpend({
          ...mainnet,
          transaction: { to: usdc, value: 0n, data: approveMaxToPermit2 },
        }),
      ).toEqual({
        spends: [
          {
            kind: 'approval',
            chainId: 1,
            asset: usdc,
            amount: 2n ** 256n - 1n,
            recipient: permit2,
            isUnlimited: true,
          },
        ],
        isProvable: true,
      });
    });

    it('counts transferFrom and increaseAllowance', () => {
      expect(
        extractSpend({ ...mainnet, transaction: { to: dai, value: 0n, data: transferFrom3Dai } })
          .spends,
      ).toEqual([
        {
          kind: 'transfer',
          chainId: 1,
          asset: dai,
          amount: 3n * 10n ** 18n,
          recipient: spender,
          isUnlimited: false,
        },
      ]);
      expect(
        extractSpend({
          ...mainnet,
          transaction: { to: usdc, value: 0n, data: increaseAllowance5Usdc },
        }).spends,
      ).toEqual([
        {
          kind: 'approval',
          chainId: 1,
          asset: usdc,
          amount: 5_000_000n,
          recipient: spender,
          isUnlimited: false,
        },
      ]);
    });

    it('counts native value sent along an ERC-20 call as a second spend, to the token', () => {
      const { spends } = extractSpend({
        ...mainnet,
        transaction: { to: usdc, value: 5n, data: transfer25Usdc },
      });
      expect(spends.map(({ asset, amount, recipient }) => ({ asset, amount, recipient }))).toEqual([
        { asset: 'native', amount: 5n, recipient: usdc },
        { asset: usdc, amount: 25_000_000n, recipient: shop },
      ]);
    });

    it('sees no spending in an approval of zero (a revocation) or a zero-value transfer', () => {
      const revoke: Hex = `0x095ea7b3${'0'.repeat(24)}${spender.slice(2).toLowerCase()}${'0'.repeat(64)}`;
      expect(
        extractSpend({ ...mainnet, transaction: { to: usdc, value: 0n, data: revoke } }),
      ).toEqual({
        spends: [],
        isProvable: true,
      });
      expect(extractSpend({ ...mainnet, transaction: { to: shop, value: 0n } })).toEqual({
        spends: [],
        isProvable: true,
      });
    });

    it('cannot prove an ERC-20 call to a contract the wallet does not know as a token', () => {
      const lookAlike: Address = '0x1111111111111111111111111111111111111111';
      expect(
        extractSpend({
          ...mainnet,
          transaction: { to: lookAlike, value: 0n, data: transfer25Usdc },
        }),
      ).toMatchObject({ isProvable: false, unprovableReason: 'unknown-token' });
    });

    it('cannot prove unknown calldata but still counts the native value it sends', () => {
      const swap: Hex =
        '0x3593564c0000000000000000000000000000000000000000000000000000000000000060';
      expect(
        extractSpend({ ...mainnet, transaction: { to: universalRouter, value: 7n, data: swap } }),
      ).toEqual({
        spends: [
          {
            kind: 'transfer',
            chainId: 1,
            asset: 'native',
            amount: 7n,
            recipient: universalRouter,
            isUnlimited: false,
          },
        ],
        isProvable: false,
        unprovableReason: 'unknown-calldata',
      });
    });

    it('cannot prove a contract creation; its value has no recipient', () => {
      expect(extractSpend({ ...mainnet, transaction: { value: 3n, data: '0x6080' } })).toEqual({
        spends: [{ kind: 'transfer', chainId: 1, asset: 'native', amount: 3n, isUnlimited: false }],
        isProvable: false,
        unprovableReason: 'contract-creation',
      });
    });
  });

  describe('typed data', () => {
    it('counts an EIP-2612 USDC permit at its value, for its spender', () => {
      expect(extractSpend({ ...mainnet, typedData: usdcPermit('2500000') })).toEqual({
        spends: [
          {
            kind: 'permit',
            chainId: 1,
            asset: usdc,
            amount: 2_500_000n,
            recipient: spender,
            isUnlimited: false,
          },
        ],
        isProvable: true,
      });
    });

    it('reads the same permit sent as a JSON string (eth_signTypedData_v4)', () => {
      expect(
        extractSpend({ ...mainnet, typedData: JSON.stringify(usdcPermit('2500000')) }).spends,
      ).toHaveLength(1);
    });

    it('counts a DAI permit with allowed=true as unlimited, and allowed=false as nothing', () => {
      expect(extractSpend({ ...mainnet, typedData: daiPermit(true) }).spends).toEqual([
        {
          kind: 'permit',
          chainId: 1,
          asset: dai,
          amount: 2n ** 256n - 1n,
          recipient: spender,
          isUnlimited: true,
        },
      ]);
      expect(extractSpend({ ...mainnet, typedData: daiPermit(false) })).toEqual({
        spends: [],
        isProvable: true,
      });
    });

    it('counts Permit2 PermitSingle at the uint160 maximum as unlimited', () => {
      expect(extractSpend({ ...mainnet, typedData: permitSingle }).spends).toEqual([
        {
          kind: 'permit',
          chainId: 1,
          asset: usdc,
          amount: 2n ** 160n - 1n,
          recipient: universalRouter,
          isUnlimited: true,
        },
      ]);
    });

    it('counts every token of a Permit2 PermitBatch', () => {
      const { spends, isProvable } = extractSpend({ ...mainnet, typedData: permitBatch });
      expect(isProvable).toBe(true);
      expect(spends.map(({ asset, amount }) => [asset, amount])).toEqual([
        [usdc, 10_000_000n],
        [weth, 5n * 10n ** 17n],
      ]);
    });

    it('counts a Permit2 PermitTransferFrom as one pull by its spender', () => {
      expect(extractSpend({ ...mainnet, typedData: permitTransferFrom }).spends).toEqual([
        {
          kind: 'permit',
          chainId: 1,
          asset: dai,
          amount: 25n * 10n ** 17n,
          recipient: shop,
          isUnlimited: false,
        },
      ]);
    });

    it('cannot prove a permit for a token the wallet does not know', () => {
      expect(
        extractSpend({ chainId: 1, knownTokens: [], typedData: usdcPermit('1') }),
      ).toMatchObject({ isProvable: false, unprovableReason: 'unknown-token' });
    });

    it('cannot prove a permit signed for another chain', () => {
      expect(extractSpend({ chainId: 10, knownTokens, typedData: usdcPermit('1') })).toMatchObject({
        isProvable: false,
      });
    });

    it('cannot prove typed data it does not recognise, nor malformed typed data', () => {
      const mail = {
        types: {
          EIP712Domain: eip712Domain,
          Mail: [{ name: 'contents', type: 'string' }],
        },
        primaryType: 'Mail',
        domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: usdc },
        message: { contents: 'Hello' },
      };
      expect(extractSpend({ ...mainnet, typedData: mail })).toEqual({
        spends: [],
        isProvable: false,
        unprovableReason: 'unknown-typed-data',
      });
      expect(extractSpend({ ...mainnet, typedData: '{not json' })).toEqual({
        spends: [],
        isProvable: false,
        unprovableReason: 'malformed-typed-data',
      });
    });

    it('cannot prove a permit look-alike with an extra field', () => {
      const lookAlike = usdcPermit('1');
      lookAlike.types.Permit = [...lookAlike.types.Permit, { name: 'extra', type: 'uint256' }];
      (lookAlike.message as Record<string, unknown>).extra = 1;
      expect(extractSpend({ ...mainnet, typedData: lookAlike }).isProvable).toBe(false);
    });
  });

  it('never proves a personal_sign message', () => {
    expect(extractSpend({ ...mainnet, message: '0x68656c6c6f' })).toEqual({
      spends: [],
      isProvable: false,
      unprovableReason: 'message',
    });
  });
});

import fc from 'fast-check';
import { encodeAbiParameters, hashStruct, keccak256, maxUint256, toHex } from 'viem';
import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { devChainTokens } from '../../../shared/chains/devChainTokens.ts';
import { describeTypedData, permit2Address } from './describeTypedData.ts';
import vectors from './fixtures/eip712-vectors.json' with { type: 'json' };

const usdc: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const dai: Address = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
const owner: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const spender: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const router: Address = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const knownTokens = devChainTokens;
const maxUint160 = 2n ** 160n - 1n;

type Field = { name: string; type: string };
const fields = (declaration: string): Field[] =>
  declaration.split(',').map((member) => {
    const [type = '', name = ''] = member.split(' ');
    return { name, type };
  });

const eip712Domain = fields('string name,string version,uint256 chainId,address verifyingContract');
const permit2Domain = fields('string name,uint256 chainId,address verifyingContract');

// The published definitions, written out again here so a typo in the decoder cannot hide.
const permitDetails = fields('address token,uint160 amount,uint48 expiration,uint48 nonce');
const tokenPermissions = fields('address token,uint256 amount');
const permit2Types = {
  PermitSingle: {
    PermitSingle: fields('PermitDetails details,address spender,uint256 sigDeadline'),
    PermitDetails: permitDetails,
  },
  PermitBatch: {
    PermitBatch: fields('PermitDetails[] details,address spender,uint256 sigDeadline'),
    PermitDetails: permitDetails,
  },
  PermitTransferFrom: {
    PermitTransferFrom: fields(
      'TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline',
    ),
    TokenPermissions: tokenPermissions,
  },
  PermitBatchTransferFrom: {
    PermitBatchTransferFrom: fields(
      'TokenPermissions[] permitted,address spender,uint256 nonce,uint256 deadline',
    ),
    TokenPermissions: tokenPermissions,
  },
};

function eip2612Permit(overrides: { value?: string; verifyingContract?: Address } = {}) {
  return {
    types: {
      EIP712Domain: eip712Domain,
      Permit: fields('address owner,address spender,uint256 value,uint256 nonce,uint256 deadline'),
    },
    primaryType: 'Permit',
    domain: {
      name: 'USD Coin',
      version: '1',
      chainId: 31337,
      verifyingContract: overrides.verifyingContract ?? usdc,
    },
    message: {
      owner,
      spender,
      value: overrides.value ?? '2500000',
      nonce: 0,
      deadline: '1900000000',
    },
  };
}

function daiPermit(allowed: boolean, expiry: number) {
  return {
    types: {
      EIP712Domain: eip712Domain,
      Permit: fields('address holder,address spender,uint256 nonce,uint256 expiry,bool allowed'),
    },
    primaryType: 'Permit',
    domain: { name: 'Dai Stablecoin', version: '1', chainId: 1, verifyingContract: dai },
    message: { holder: owner, spender, nonce: 3, expiry, allowed },
  };
}

function permit2<K extends keyof typeof permit2Types>(
  primaryType: K,
  message: Record<string, unknown>,
  verifyingContract: Address = permit2Address,
) {
  return {
    types: { EIP712Domain: permit2Domain, ...permit2Types[primaryType] },
    primaryType,
    domain: { name: 'Permit2', chainId: 1, verifyingContract },
    message,
  };
}

const permitSingle = permit2('PermitSingle', {
  details: { token: usdc, amount: maxUint160.toString(), expiration: 1_900_000_000, nonce: 0 },
  spender: router,
  sigDeadline: '1800000000',
});

describe('describeTypedData', () => {
  describe('Permit2 definitions against the deployed contract (PermitHash.sol)', () => {
    // uniswap/permit2 src/libraries/PermitHash.sol
    const detailsTypeHash = keccak256(
      toHex('PermitDetails(address token,uint160 amount,uint48 expiration,uint48 nonce)'),
    );
    const singleTypeHash = keccak256(
      toHex(
        'PermitSingle(PermitDetails details,address spender,uint256 sigDeadline)PermitDetails(address token,uint160 amount,uint48 expiration,uint48 nonce)',
      ),
    );
    const tokenPermissionsTypeHash = keccak256(
      toHex('TokenPermissions(address token,uint256 amount)'),
    );
    const transferTypeHash = keccak256(
      toHex(
        'PermitTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline)TokenPermissions(address token,uint256 amount)',
      ),
    );

    it('hashes PermitSingle as the contract does', () => {
      const details = { token: usdc, amount: 5n, expiration: 7n, nonce: 1n };
      const detailsHash = keccak256(
        encodeAbiParameters(
          fields('bytes32 t,address token,uint160 amount,uint48 expiration,uint48 nonce'),
          [detailsTypeHash, details.token, details.amount, details.expiration, details.nonce],
        ),
      );
      const expected = keccak256(
        encodeAbiParameters(
          fields('bytes32 t,bytes32 details,address spender,uint256 sigDeadline'),
          [singleTypeHash, detailsHash, router, 9n],
        ),
      );
      expect(
        hashStruct({
          types: permit2Types.PermitSingle,
          primaryType: 'PermitSingle',
          data: { details, spender: router, sigDeadline: 9n },
        }),
      ).toBe(expected);
    });

    it('hashes PermitTransferFrom as the contract does (spender is msg.sender there)', () => {
      const permittedHash = keccak256(
        encodeAbiParameters(fields('bytes32 t,address token,uint256 amount'), [
          tokenPermissionsTypeHash,
          usdc,
          5n,
        ]),
      );
      const expected = keccak256(
        encodeAbiParameters(
          fields('bytes32 t,bytes32 permitted,address spender,uint256 nonce,uint256 deadline'),
          [transferTypeHash, permittedHash, router, 1n, 9n],
        ),
      );
      expect(
        hashStruct({
          types: permit2Types.PermitTransferFrom,
          primaryType: 'PermitTransferFrom',
          data: {
            permitted: { token: usdc, amount: 5n },
            spender: router,
            nonce: 1n,
            deadline: 9n,
          },
        }),
      ).toBe(expected);
    });
  });

  describe('permits', () => {
    it('describes an EIP-2612 permit: the token is the verifying contract', () => {
      expect(describeTypedData({ typedData: eip2612Permit(), knownTokens })).toEqual({
        kind: 'permit',
        spender,
        owner,
        allowances: [
          {
            token: usdc,
            tokenSymbol: 'USDC',
            tokenDecimals: 6,
            amount: '2500000',
            isUnlimited: false,
          },
        ],
        deadline: '1900000000',
        domain: { name: 'USD Coin', version: '1', chainId: '31337', verifyingContract: usdc },
      });
    });

    it('reads the JSON string eth_signTypedData_v4 sends', () => {
      const view = describeTypedData({ typedData: JSON.stringify(eip2612Permit()), knownTokens });
      expect(view.kind).toBe('permit');
    });

    it('flags an EIP-2612 permit of maxUint256 as unlimited', () => {
      const view = describeTypedData({
        typedData: eip2612Permit({ value: maxUint256.toString() }),
      });
      expect(view).toMatchObject({
        kind: 'permit',
        allowances: [{ token: usdc, amount: maxUint256.toString(), isUnlimited: true }],
      });
      expect(view.kind === 'permit' && view.allowances[0]).not.toHaveProperty('tokenSymbol');
    });

    it('describes a DAI permit with allowed = true as unlimited, without deadline at expiry 0', () => {
      expect(describeTypedData({ typedData: daiPermit(true, 0), knownTokens })).toEqual({
        kind: 'dai-permit',
        spender,
        owner,
        allowances: [
          {
            token: dai,
            tokenSymbol: 'DAI',
            tokenDecimals: 18,
            amount: maxUint256.toString(),
            isUnlimited: true,
          },
        ],
        domain: { name: 'Dai Stablecoin', version: '1', chainId: '1', verifyingContract: dai },
      });
    });

    it('describes a DAI permit with allowed = false as a revocation (amount 0)', () => {
      expect(describeTypedData({ typedData: daiPermit(false, 1_900_000_000) })).toMatchObject({
        kind: 'dai-permit',
        allowances: [{ amount: '0', isUnlimited: false }],
        deadline: '1900000000',
      });
    });

    it('describes a Permit2 PermitSingle: an allowance held by Permit2 with its own expiry', () => {
      expect(describeTypedData({ typedData: permitSingle, knownTokens })).toEqual({
        kind: 'permit2-single',
        spender: router,
        allowances: [
          {
            token: usdc,
            tokenSymbol: 'USDC',
            tokenDecimals: 6,
            amount: maxUint160.toString(),
            isUnlimited: true,
            expiresAt: '1900000000',
          },
        ],
        deadline: '1800000000',
        domain: { name: 'Permit2', chainId: '1', verifyingContract: permit2Address },
      });
    });

    it('describes a Permit2 PermitBatch, one allowance per token', () => {
      const typedData = permit2('PermitBatch', {
        details: [
          { token: usdc, amount: '1000000', expiration: 1_900_000_000, nonce: 0 },
          { token: dai, amount: (2n ** 159n).toString(), expiration: 0, nonce: 4 },
        ],
        spender: router,
        sigDeadline: 1_800_000_000,
      });
      expect(describeTypedData({ typedData, knownTokens })).toMatchObject({
        kind: 'permit2-batch',
        spender: router,
        allowances: [
          { token: usdc, amount: '1000000', isUnlimited: false, expiresAt: '1900000000' },
          { token: dai, tokenSymbol: 'DAI', isUnlimited: true, expiresAt: '0' },
        ],
      });
    });

    it('describes Permit2 signature transfers, valid until their deadline', () => {
      const single = permit2('PermitTransferFrom', {
        permitted: { token: usdc, amount: '1000000' },
        spender: router,
        nonce: '77',
        deadline: '1800000000',
      });
      expect(describeTypedData({ typedData: single })).toEqual({
        kind: 'permit2-transfer',
        spender: router,
        allowances: [
          { token: usdc, amount: '1000000', isUnlimited: false, expiresAt: '1800000000' },
        ],
        deadline: '1800000000',
        domain: { name: 'Permit2', chainId: '1', verifyingContract: permit2Address },
      });
      const batch = permit2('PermitBatchTransferFrom', {
        permitted: [
          { token: usdc, amount: '1' },
          { token: dai, amount: maxUint256.toString() },
        ],
        spender: router,
        nonce: '78',
        deadline: '1800000000',
      });
      expect(describeTypedData({ typedData: batch })).toMatchObject({
        kind: 'permit2-batch-transfer',
        allowances: [
          { token: usdc, amount: '1', isUnlimited: false },
          { token: dai, isUnlimited: true },
        ],
      });
    });

    it('recognises Permit2 whatever the letter case of its address', () => {
      const typedData = {
        ...permitSingle,
        domain: { ...permitSingle.domain, verifyingContract: permit2Address.toLowerCase() },
      };
      expect(describeTypedData({ typedData }).kind).toBe('permit2-single');
    });
  });

  describe('look-alikes are generic', () => {
    const permitWith = (permitFields: string, message: Record<string, unknown>) => ({
      ...eip2612Permit(),
      types: { EIP712Domain: eip712Domain, Permit: fields(permitFields) },
      message,
    });

    it('a "Permit" with other fields', () => {
      const typedData = permitWith(
        'address owner,address spender,uint256 amount,uint256 nonce,uint256 deadline',
        { owner, spender, amount: '2500000', nonce: 0, deadline: '1900000000' },
      );
      expect(describeTypedData({ typedData })).toEqual({
        kind: 'generic',
        primaryType: 'Permit',
        domain: { name: 'USD Coin', version: '1', chainId: '31337', verifyingContract: usdc },
        isWellFormed: true,
      });
    });

    it('a "Permit" with the right fields in another order', () => {
      const typedData = permitWith(
        'address spender,address owner,uint256 value,uint256 nonce,uint256 deadline',
        eip2612Permit().message,
      );
      expect(describeTypedData({ typedData }).kind).toBe('generic');
    });

    it('a "Permit" with an extra field', () => {
      const typedData = permitWith(
        'address owner,address spender,uint256 value,uint256 nonce,uint256 deadline,string memo',
        { ...eip2612Permit().message, memo: 'hi' },
      );
      expect(describeTypedData({ typedData }).kind).toBe('generic');
    });

    it('an EIP-2612 permit without a verifying contract (the token is unknown)', () => {
      const typedData = {
        ...eip2612Permit(),
        types: {
          ...eip2612Permit().types,
          EIP712Domain: fields('string name,string version,uint256 chainId'),
        },
        domain: { name: 'USD Coin', version: '1', chainId: 31337 },
      };
      expect(describeTypedData({ typedData }).kind).toBe('generic');
    });

    it('PermitSingle with the pre-launch uint64/uint32 PermitDetails', () => {
      const typedData = {
        ...permitSingle,
        types: {
          ...permitSingle.types,
          PermitDetails: fields('address token,uint160 amount,uint64 expiration,uint32 nonce'),
        },
      };
      expect(describeTypedData({ typedData }).kind).toBe('generic');
    });

    it('PermitSingle verified by another contract than Permit2', () => {
      const typedData = permit2('PermitSingle', permitSingle.message, usdc);
      expect(describeTypedData({ typedData }).kind).toBe('generic');
    });

    it('the Permit2 witness variant, which this wallet does not decode', () => {
      const typedData = {
        types: {
          EIP712Domain: permit2Domain,
          PermitWitnessTransferFrom: fields(
            'TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,Order witness',
          ),
          TokenPermissions: tokenPermissions,
          Order: fields('address recipient'),
        },
        primaryType: 'PermitWitnessTransferFrom',
        domain: { name: 'Permit2', chainId: 1, verifyingContract: permit2Address },
        message: {
          permitted: { token: usdc, amount: '1' },
          spender: router,
          nonce: 1,
          deadline: 1,
          witness: { recipient: owner },
        },
      };
      expect(describeTypedData({ typedData }).kind).toBe('generic');
    });

    it('the EIP-712 Mail example', () => {
      expect(describeTypedData({ typedData: vectors.mail.typedData })).toMatchObject({
        kind: 'generic',
        primaryType: 'Mail',
        isWellFormed: true,
      });
    });
  });

  describe('malformed input', () => {
    it.each([
      ['not JSON', '{'],
      ['null', null],
      [
        'a permit whose value is a float',
        { ...eip2612Permit(), message: { ...eip2612Permit().message, value: 1.5 } },
      ],
      [
        'a permit whose spender is a number',
        { ...eip2612Permit(), message: { ...eip2612Permit().message, spender: 5 } },
      ],
      [
        'a permit missing its deadline',
        { ...eip2612Permit(), message: { owner, spender, value: '1', nonce: 0 } },
      ],
      [
        'PermitSingle whose details is an array',
        { ...permitSingle, message: { ...permitSingle.message, details: [] } },
      ],
      [
        'a uint160 amount above its range',
        permit2('PermitSingle', {
          ...permitSingle.message,
          details: { token: usdc, amount: (maxUint160 + 1n).toString(), expiration: 0, nonce: 0 },
        }),
      ],
    ])('%s is generic and not well-formed', (_label, typedData) => {
      expect(describeTypedData({ typedData })).toEqual({
        kind: 'generic',
        domain: {},
        isWellFormed: false,
      });
    });

    it('never throws, whatever the message holds', () => {
      const primaryTypes = ['Permit', 'PermitSingle', 'PermitBatch', 'PermitTransferFrom'] as const;
      fc.assert(
        fc.property(
          fc.constantFrom(...primaryTypes),
          fc.dictionary(
            fc.constantFrom(
              'owner',
              'spender',
              'value',
              'details',
              'permitted',
              'nonce',
              'deadline',
              'sigDeadline',
              'allowed',
            ),
            fc.jsonValue(),
          ),
          (primaryType, message) => {
            const base = primaryType === 'Permit' ? eip2612Permit() : permit2(primaryType, {});
            const view = describeTypedData({ typedData: { ...base, message } });
            expect([
              'generic',
              'permit',
              'permit2-single',
              'permit2-batch',
              'permit2-transfer',
            ]).toContain(view.kind);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});

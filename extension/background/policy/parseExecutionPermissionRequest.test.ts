import { describe, expect, it } from 'vitest';
import {
  InvalidPermissionRequestError,
  UnsupportedPermissionRuleError,
  UnsupportedPermissionTypeError,
} from './errors.ts';
import { addGrant } from './addGrant.ts';
import { createDefaultPolicy } from './createDefaultPolicy.ts';
import { formatExecutionPermissionResponse } from './formatExecutionPermissionResponse.ts';
import { parseExecutionPermissionRequest } from './parseExecutionPermissionRequest.ts';

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const user = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const now = 1_780_000_000;

/**
 * What @metamask/smart-accounts-kit's requestExecutionPermissions puts on the wire for
 * { chainId: 31337, from, to, expiry, permission: erc20-token-periodic 10 USDC per 30 days }:
 * chain id and amounts as hex, the expiry as a rule.
 */
const metaMaskPeriodic = {
  chainId: '0x7a69',
  from: user,
  to: merchant,
  permission: {
    type: 'erc20-token-periodic',
    isAdjustmentAllowed: true,
    data: {
      tokenAddress: usdc,
      periodAmount: '0x989680',
      periodDuration: 2_592_000,
      startTime: now,
      justification: 'Pro plan, 10 USDC a month',
    },
  },
  rules: [{ type: 'expiry', isAdjustmentAllowed: false, data: { timestamp: now + 31_536_000 } }],
};

function expectError(params: unknown, errorClass: new (...args: never[]) => Error, field: string) {
  try {
    parseExecutionPermissionRequest({ params, now });
    expect.unreachable('accepted');
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    expect((error as { details: { field: string } }).details.field).toBe(field);
  }
}

describe('parseExecutionPermissionRequest', () => {
  it('reads MetaMask’s erc20-token-periodic request as a monthly grant to the merchant', () => {
    const [request] = parseExecutionPermissionRequest({ params: [metaMaskPeriodic], now });
    expect(request).toMatchObject({
      chainId: 31337,
      account: user,
      permissionType: 'erc20-token-periodic',
      isAdjustmentAllowed: true,
      grant: {
        chainId: 31337,
        asset: usdc,
        recipient: merchant,
        amount: 10_000_000n,
        periodSeconds: 2_592_000,
        startTime: now,
        endTime: now + 31_536_000,
        justification: 'Pro plan, 10 USDC a month',
        source: 'site-request',
      },
    });
  });

  it('reads native-token-allowance as one total allowance, starting now by default', () => {
    const [request] = parseExecutionPermissionRequest({
      params: [
        {
          chainId: 31337,
          to: merchant,
          permission: {
            type: 'native-token-allowance',
            isAdjustmentAllowed: false,
            data: { allowanceAmount: '0xb1a2bc2ec50000' },
          },
        },
      ],
      now,
    });
    expect(request?.grant).toEqual({
      chainId: 31337,
      asset: 'native',
      recipient: merchant,
      amount: 5n * 10n ** 16n,
      startTime: now,
      source: 'site-request',
    });
  });

  it('reads erc20-token-allowance and native-token-periodic', () => {
    const requests = parseExecutionPermissionRequest({
      params: [
        {
          chainId: '0x1',
          to: merchant,
          permission: {
            type: 'erc20-token-allowance',
            isAdjustmentAllowed: true,
            data: { tokenAddress: usdc.toLowerCase(), allowanceAmount: '50000000' },
          },
        },
        {
          chainId: '0x1',
          to: merchant,
          permission: {
            type: 'native-token-periodic',
            isAdjustmentAllowed: true,
            data: { periodAmount: '0x38d7ea4c68000', periodDuration: 86_400 },
          },
        },
      ],
      now,
    });
    expect(requests.map((request) => request.grant)).toMatchObject([
      { asset: usdc, amount: 50_000_000n },
      { asset: 'native', amount: 10n ** 15n, periodSeconds: 86_400 },
    ]);
  });

  it('pays the single payee of a payee rule rather than the grantee', () => {
    const payee = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
    const [request] = parseExecutionPermissionRequest({
      params: [
        {
          ...metaMaskPeriodic,
          rules: [{ type: 'payee', isAdjustmentAllowed: false, data: { addresses: [payee] } }],
        },
      ],
      now,
    });
    expect(request?.grant.recipient).toBe(payee);
    expect(request?.grant.endTime).toBeUndefined();
  });

  it('reads the draft shape: account signer, address and a top-level expiry', () => {
    const [request] = parseExecutionPermissionRequest({
      params: [
        {
          chainId: '0x7a69',
          address: user,
          expiry: now + 3_600,
          signer: { type: 'account', data: { address: merchant } },
          permission: metaMaskPeriodic.permission,
        },
      ],
      now,
    });
    expect(request).toMatchObject({
      account: user,
      grant: { recipient: merchant, endTime: now + 3_600 },
    });
  });

  it('refuses permission types it does not grant, naming the ones it does', () => {
    expectError(
      [
        {
          ...metaMaskPeriodic,
          permission: { ...metaMaskPeriodic.permission, type: 'native-token-stream' },
        },
      ],
      UnsupportedPermissionTypeError,
      'params[0].permission.type',
    );
    expect(() =>
      parseExecutionPermissionRequest({
        params: [{ ...metaMaskPeriodic, permission: { type: 'nft-transfer', data: {} } }],
        now,
      }),
    ).toThrow(
      /native-token-allowance, erc20-token-allowance, native-token-periodic, erc20-token-periodic/,
    );
  });

  it('refuses a rule it cannot enforce rather than grant more than asked', () => {
    expectError(
      [
        {
          ...metaMaskPeriodic,
          rules: [
            { type: 'redeemer', isAdjustmentAllowed: false, data: { addresses: [merchant] } },
          ],
        },
      ],
      UnsupportedPermissionRuleError,
      'params[0].rules[0].type',
    );
  });

  it('names the field of malformed input', () => {
    const withData = (data: Record<string, unknown>) => [
      { ...metaMaskPeriodic, permission: { ...metaMaskPeriodic.permission, data } },
    ];
    const data = metaMaskPeriodic.permission.data;
    expectError(
      withData({ ...data, periodAmount: '0x0' }),
      InvalidPermissionRequestError,
      'params[0].permission.data.periodAmount',
    );
    expectError(
      withData({ ...data, periodAmount: 1.5 }),
      InvalidPermissionRequestError,
      'params[0].permission.data.periodAmount',
    );
    expectError(
      withData({ ...data, periodDuration: 0 }),
      InvalidPermissionRequestError,
      'params[0].permission.data.periodDuration',
    );
    expectError(
      withData({ ...data, tokenAddress: '0x1234' }),
      InvalidPermissionRequestError,
      'params[0].permission.data.tokenAddress',
    );
    expectError(
      withData({ ...data, recipient: merchant }),
      InvalidPermissionRequestError,
      'params[0].permission.data.recipient',
    );
    expectError(
      [{ ...metaMaskPeriodic, chainId: '31337' }],
      InvalidPermissionRequestError,
      'params[0].chainId',
    );
    expectError({}, InvalidPermissionRequestError, 'params');
    expectError([], InvalidPermissionRequestError, 'params');
  });

  it('refuses an expiry in the past and a request with nobody to pay', () => {
    expectError(
      [
        {
          ...metaMaskPeriodic,
          rules: [{ type: 'expiry', isAdjustmentAllowed: false, data: { timestamp: now } }],
        },
      ],
      InvalidPermissionRequestError,
      'params[0].rules[0].data.timestamp',
    );
    const { to: _to, ...withoutRecipient } = metaMaskPeriodic;
    expectError([withoutRecipient], InvalidPermissionRequestError, 'params[0].to');
  });
});

describe('granting: addGrant and formatExecutionPermissionResponse', () => {
  it('adds the grant to the site policy and answers with the granted values and context', () => {
    const [request] = parseExecutionPermissionRequest({ params: [metaMaskPeriodic], now });
    if (request === undefined) throw new Error('fixture');
    // The user lowered the amount to 8 USDC in the approval window (adjustment allowed).
    const grant = { ...request.grant, amount: 8_000_000n, id: '0xabc123', createdAt: now };
    const policy = addGrant({
      policy: createDefaultPolicy({ currency: 'USD' }),
      origin: 'https://shop.example',
      grant,
    });
    expect(policy.sites.get('https://shop.example')?.grants).toEqual([grant]);
    expect(policy.sites.get('https://shop.example')?.payments).toBe('confirm');

    const response = formatExecutionPermissionResponse({ request, grant });
    expect(response).toEqual({
      chainId: '0x7a69',
      from: user,
      to: merchant,
      permission: {
        type: 'erc20-token-periodic',
        isAdjustmentAllowed: true,
        data: {
          tokenAddress: usdc,
          periodAmount: '0x7a1200',
          periodDuration: 2_592_000,
          startTime: now,
          justification: 'Pro plan, 10 USDC a month',
        },
      },
      rules: [{ type: 'expiry', isAdjustmentAllowed: true, data: { timestamp: now + 31_536_000 } }],
      context: '0xabc123',
      dependencies: [],
    });
    expect(() => addGrant({ policy, origin: 'https://shop.example', grant })).toThrow(
      /distinct|no grant/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { ActionView, TypedDataView } from '../../../shared/protocol/ActionView.ts';
import type { ApprovalDetails } from '../../../shared/protocol/approvalMessages.ts';
import { fixtureAddresses, fixtureDetails } from './approvalFixtures.ts';
import { describeApproval } from './describeApproval.ts';

const en = { t: createTranslator('en'), locale: 'en', timeZone: 'UTC' } as const;
const zh = { t: createTranslator('zh-CN'), locale: 'zh-CN', timeZone: 'UTC' } as const;
const { alice, bob, merchant, spender, usdc, unknownToken } = fixtureAddresses;
/** formatAmountForDisplay keeps an amount and its symbol together with a no-break space. */
const nbsp = '\u00a0';

function fixture(name: string): ApprovalDetails {
  const found = fixtureDetails.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`No fixture ${name}`);
  return found.details;
}

function transaction(action: ActionView): ApprovalDetails {
  return {
    kind: 'send-transaction',
    from: alice,
    chainId: 31337,
    networkName: 'Local dev chain',
    action,
    transaction: {
      value: action.value,
      gas: '21000',
      maxFeePerGas: '1',
      maxPriorityFeePerGas: '1',
    },
    maxFee: '21000',
    nativeSymbol: 'ETH',
  };
}

function typedData(view: TypedDataView): ApprovalDetails {
  return { kind: 'sign-typed-data', from: alice, chainId: 31337, view, json: '{}' };
}

const usdcToken = { token: usdc, tokenSymbol: 'USDC', tokenDecimals: 6 } as const;

describe('describeApproval: transactions', () => {
  it('names a token transfer with its exact amount and the shortened recipient', () => {
    expect(describeApproval(fixture('erc20-transfer'), en)).toBe(
      `Send 25${nbsp}USDC to 0x15d3…6A65`,
    );
  });

  it('says UNLIMITED for an unlimited approval', () => {
    expect(describeApproval(fixture('erc20-approve-unlimited'), en)).toBe(
      'Allow 0x9965…A4dc to spend UNLIMITED USDC',
    );
  });

  it('says "up to" for a capped approval and "remove" for an approval of zero', () => {
    const approve = (amount: string) =>
      transaction({
        kind: 'erc20-approve',
        ...usdcToken,
        spender,
        amount,
        isUnlimited: false,
        value: '0',
      });
    expect(describeApproval(approve('1500000'), en)).toBe(
      `Allow 0x9965…A4dc to spend up to 1.5${nbsp}USDC`,
    );
    expect(describeApproval(approve('0'), en)).toBe(
      'Remove the permission of 0x9965…A4dc to spend USDC',
    );
  });

  it('sends native currency in its symbol, every digit shown', () => {
    expect(describeApproval(fixture('native-transfer'), en)).toBe(
      `Send 0.5${nbsp}ETH to 0x3C44…93BC`,
    );
    const dust = transaction({ kind: 'native-transfer', to: bob, value: '1000000000000000001' });
    expect(describeApproval(dust, en)).toBe(`Send 1.000000000000000001${nbsp}ETH to 0x3C44…93BC`);
  });

  it('admits that an undecoded contract call cannot be read, and names the value it sends', () => {
    expect(describeApproval(fixture('contract-call'), en)).toBe(
      `Contract call to 0xa0Ee…9720, sending 0.01${nbsp}ETH: the wallet cannot tell what this does`,
    );
    const withoutValue = transaction({
      kind: 'contract-call',
      to: unknownToken,
      value: '0',
      isDecoded: false,
    });
    expect(describeApproval(withoutValue, en)).toBe(
      'Contract call to 0xa0Ee…9720: the wallet cannot tell what this does',
    );
  });

  it('counts an unknown token in base units and names it by its address', () => {
    const details = transaction({
      kind: 'erc20-transfer',
      token: unknownToken,
      to: merchant,
      amount: '1234567',
      value: '0',
    });
    expect(describeApproval(details, en)).toBe(
      'Send 1,234,567 base units of the token 0xa0Ee…9720 to 0x15d3…6A65',
    );
  });

  it('names native currency sent along with a token call', () => {
    const details = transaction({
      kind: 'erc20-transfer',
      ...usdcToken,
      to: merchant,
      amount: '1000000',
      value: '2000000000000000000',
    });
    expect(describeApproval(details, en)).toBe(
      `Send 1${nbsp}USDC to 0x15d3…6A65, and send 2${nbsp}ETH with it`,
    );
  });

  it('describes transferFrom, increaseAllowance and deployments', () => {
    const transferFrom = transaction({
      kind: 'erc20-transfer-from',
      ...usdcToken,
      from: bob,
      to: merchant,
      amount: '5000000',
      value: '0',
    });
    expect(describeApproval(transferFrom, en)).toBe(
      `Move 5${nbsp}USDC from 0x3C44…93BC to 0x15d3…6A65`,
    );
    const increase = (isUnlimited: boolean) =>
      transaction({
        kind: 'erc20-increase-allowance',
        ...usdcToken,
        spender,
        amount: isUnlimited ? (2n ** 255n).toString() : '7000000',
        isUnlimited,
        value: '0',
      });
    expect(describeApproval(increase(false), en)).toBe(
      `Allow 0x9965…A4dc to spend 7${nbsp}USDC more`,
    );
    expect(describeApproval(increase(true), en)).toBe('Allow 0x9965…A4dc to spend UNLIMITED USDC');
    expect(describeApproval(transaction({ kind: 'deploy', value: '0', dataSize: 1204 }), en)).toBe(
      'Create a new contract (1204 bytes of code)',
    );
  });
});

describe('describeApproval: signatures', () => {
  it('tells text from bytes that are not text', () => {
    expect(describeApproval(fixture('sign-message-text'), en)).toBe('Sign a text message');
    expect(describeApproval(fixture('sign-message-hex'), en)).toBe(
      'Sign 32 bytes of data that are not readable text',
    );
  });

  it('claims no end date for an EIP-2612 allowance (only the signature has a deadline)', () => {
    expect(describeApproval(fixture('permit'), en)).toBe(
      `Allow 0x9965…A4dc to spend up to 100${nbsp}USDC`,
    );
  });

  it('gives a Permit2 allowance its expiry date, and says UNLIMITED', () => {
    expect(describeApproval(fixture('permit2-unlimited'), en)).toBe(
      'Allow 0x9965…A4dc to spend UNLIMITED USDC until Jun 21, 2026, 12:00 AM',
    );
  });

  it('lists every allowance of a batch and says when one lasts for this block only', () => {
    const details = typedData({
      kind: 'permit2-batch',
      spender,
      allowances: [
        { ...usdcToken, amount: '1000000', isUnlimited: false, expiresAt: '0' },
        { token: unknownToken, amount: '5', isUnlimited: false },
      ],
      domain: {},
    });
    expect(describeApproval(details, en)).toBe(
      `Allow 0x9965…A4dc to spend up to 1${nbsp}USDC for this block only and 5 base units of the token 0xa0Ee…9720`,
    );
  });

  it('describes a one-time Permit2 transfer with its deadline, or without one', () => {
    const transfer = (deadline?: string) =>
      typedData({
        kind: 'permit2-transfer',
        spender,
        allowances: [{ ...usdcToken, amount: '3000000', isUnlimited: false }],
        ...(deadline === undefined ? {} : { deadline }),
        domain: {},
      });
    expect(describeApproval(transfer('1780000000'), en)).toBe(
      `Let 0x9965…A4dc take up to 3${nbsp}USDC, once, until May 28, 2026, 8:26 PM`,
    );
    expect(describeApproval(transfer(), en)).toBe(`Let 0x9965…A4dc take up to 3${nbsp}USDC, once`);
  });

  it('treats a deadline beyond any calendar as no deadline', () => {
    const details = typedData({
      kind: 'permit2-transfer',
      spender,
      allowances: [{ ...usdcToken, amount: '3000000', isUnlimited: false }],
      deadline: (2n ** 256n - 1n).toString(),
      domain: {},
    });
    expect(describeApproval(details, en)).toBe(`Let 0x9965…A4dc take up to 3${nbsp}USDC, once`);
  });

  it('calls a DAI permit with allowed=false a revocation', () => {
    const details = typedData({
      kind: 'dai-permit',
      spender,
      allowances: [{ token: unknownToken, tokenSymbol: 'DAI', amount: '0', isUnlimited: false }],
      domain: {},
    });
    expect(describeApproval(details, en)).toBe('Remove the permission of 0x9965…A4dc to spend DAI');
  });

  it('says the wallet cannot tell what unrecognised typed data allows', () => {
    expect(describeApproval(fixture('typed-data-generic'), en)).toBe(
      'Sign structured data (Mail): the wallet cannot tell what it allows',
    );
    expect(
      describeApproval(typedData({ kind: 'generic', domain: {}, isWellFormed: false }), en),
    ).toBe('Sign structured data: the wallet cannot tell what it allows');
  });
});

describe('describeApproval: the other kinds', () => {
  it('states the facts of unlock, connect, networks and tokens', () => {
    expect(describeApproval(fixture('unlock'), en)).toBe(
      'This site is waiting for you to unlock your wallet',
    );
    expect(describeApproval(fixture('connect'), en)).toBe(
      'Connect to this site: it will see the addresses of the accounts you choose',
    );
    expect(describeApproval(fixture('add-chain'), en)).toBe('Add the network Base (chain ID 8453)');
    expect(describeApproval(fixture('switch-chain'), en)).toBe(
      'Switch the wallet to Local dev chain (chain ID 31337)',
    );
    expect(describeApproval(fixture('watch-asset'), en)).toBe(
      'Add the token USDC (0x5FbD…0aa3) to your wallet',
    );
  });

  it('speaks Simplified Chinese', () => {
    expect(describeApproval(fixture('erc20-approve-unlimited'), zh)).toBe(
      '允许 0x9965…A4dc 花费 无限量的 USDC',
    );
    expect(describeApproval(fixture('erc20-transfer'), zh)).toBe(
      `向 0x15d3…6A65 发送 25${nbsp}USDC`,
    );
  });
});

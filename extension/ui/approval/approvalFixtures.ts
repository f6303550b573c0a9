import type {
  ApprovalDetails,
  ApprovalRequest,
} from '../../../shared/protocol/approvalMessages.ts';

/**
 * One request of every kind the approval window shows, as the worker would send them: for unit
 * tests and for rendering the window in a harness (screenshots, layout checks). Addresses are
 * lower-case on purpose, as a worker may send them; the window checksums what it shows.
 */
export const fixtureAddresses = {
  alice: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  bob: '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc',
  carol: '0x90f79bf6eb2c4f870365e785982e1f101e93b906',
  merchant: '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65',
  spender: '0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc',
  usdc: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
  unknownToken: '0xa0ee7a142d267c1f36714e4a8f75612f20a79720',
  permit2: '0x000000000022d473030f116ddee9f6b43ac78ba3',
} as const;

const { alice, bob, carol, merchant, spender, usdc, unknownToken, permit2 } = fixtureAddresses;

const fee = {
  gas: '65000',
  maxFeePerGas: '1875000000',
  maxPriorityFeePerGas: '1000000000',
} as const;

/** `name`: what the fixture shows, for file names and test titles. */
export const fixtureDetails: readonly {
  readonly name: string;
  readonly details: ApprovalDetails;
}[] = [
  { name: 'unlock', details: { kind: 'unlock' } },
  {
    name: 'connect',
    details: {
      kind: 'connect',
      accounts: [
        { address: alice, name: 'Account 1', kind: 'hd', index: 0, isHidden: false },
        { address: bob, name: 'Savings', kind: 'hd', index: 1, isHidden: false },
        { address: carol, name: 'Imported', kind: 'imported', index: 0, isHidden: false },
      ],
    },
  },
  {
    name: 'erc20-transfer',
    details: {
      kind: 'send-transaction',
      from: alice,
      chainId: 31337,
      networkName: 'Local dev chain',
      action: {
        kind: 'erc20-transfer',
        token: usdc,
        tokenSymbol: 'USDC',
        tokenDecimals: 6,
        to: merchant,
        amount: '25000000',
        value: '0',
        reference: '0x7470a1b2c3d4e5f6',
      },
      transaction: {
        to: usdc,
        value: '0',
        data: '0xa9059cbb00000000000000000000000015d34aaf54267db7d7c367839aaf71a00a2c6a650000000000000000000000000000000000000000000000000000000001312d007470a1b2c3d4e5f6',
        ...fee,
      },
      maxFee: '121875000000000',
      nativeSymbol: 'ETH',
    },
  },
  {
    name: 'erc20-approve-unlimited',
    details: {
      kind: 'send-transaction',
      from: alice,
      chainId: 31337,
      networkName: 'Local dev chain',
      action: {
        kind: 'erc20-approve',
        token: usdc,
        tokenSymbol: 'USDC',
        tokenDecimals: 6,
        spender,
        amount: (2n ** 256n - 1n).toString(),
        isUnlimited: true,
        value: '0',
      },
      transaction: {
        to: usdc,
        value: '0',
        data: '0x095ea7b30000000000000000000000009965507d1a55bcc2695c58ba16fb37d819b0a4dcffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
        ...fee,
      },
      maxFee: '121875000000000',
      nativeSymbol: 'ETH',
    },
  },
  {
    name: 'native-transfer',
    details: {
      kind: 'send-transaction',
      from: alice,
      chainId: 31337,
      networkName: 'Local dev chain',
      action: { kind: 'native-transfer', to: bob, value: '500000000000000000' },
      transaction: { to: bob, value: '500000000000000000', ...fee, gas: '21000' },
      maxFee: '39375000000000',
      nativeSymbol: 'ETH',
    },
  },
  {
    name: 'contract-call',
    details: {
      kind: 'send-transaction',
      from: alice,
      chainId: 31337,
      networkName: 'Local dev chain',
      action: {
        kind: 'contract-call',
        to: unknownToken,
        value: '10000000000000000',
        selector: '0x12345678',
        isDecoded: false,
      },
      transaction: {
        to: unknownToken,
        value: '10000000000000000',
        data: '0x12345678000000000000000000000000000000000000000000000000000000000000002a',
        ...fee,
        gas: '120000',
      },
      maxFee: '225000000000000',
      nativeSymbol: 'ETH',
    },
  },
  {
    name: 'sign-message-text',
    details: {
      kind: 'sign-message',
      from: alice,
      text: 'Sign in to Example Shop\n\nNonce: 8f2c1e\nIssued at: 2026-03-01T10:00:00Z',
      hex: '0x5369676e20696e20746f204578616d706c652053686f70',
    },
  },
  {
    name: 'sign-message-hex',
    details: {
      kind: 'sign-message',
      from: alice,
      hex: '0x9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658',
    },
  },
  {
    name: 'permit',
    details: {
      kind: 'sign-typed-data',
      from: alice,
      chainId: 31337,
      view: {
        kind: 'permit',
        spender,
        owner: alice,
        allowances: [
          {
            token: usdc,
            tokenSymbol: 'USDC',
            tokenDecimals: 6,
            amount: '100000000',
            isUnlimited: false,
          },
        ],
        deadline: '1780000000',
        domain: { name: 'USD Coin', version: '2', chainId: '31337', verifyingContract: usdc },
      },
      json: JSON.stringify(
        {
          domain: { name: 'USD Coin', version: '2', chainId: 31337, verifyingContract: usdc },
          primaryType: 'Permit',
          message: {
            owner: alice,
            spender,
            value: '100000000',
            nonce: '0',
            deadline: '1780000000',
          },
        },
        null,
        2,
      ),
    },
  },
  {
    name: 'permit2-unlimited',
    details: {
      kind: 'sign-typed-data',
      from: alice,
      chainId: 31337,
      view: {
        kind: 'permit2-single',
        spender,
        allowances: [
          {
            token: usdc,
            tokenSymbol: 'USDC',
            tokenDecimals: 6,
            amount: (2n ** 160n - 1n).toString(),
            isUnlimited: true,
            expiresAt: '1782000000',
          },
        ],
        deadline: '1780000000',
        domain: { name: 'Permit2', chainId: '31337', verifyingContract: permit2 },
      },
      json: JSON.stringify(
        {
          domain: { name: 'Permit2', chainId: 31337, verifyingContract: permit2 },
          primaryType: 'PermitSingle',
          message: {
            details: {
              token: usdc,
              amount: (2n ** 160n - 1n).toString(),
              expiration: '1782000000',
              nonce: '0',
            },
            spender,
            sigDeadline: '1780000000',
          },
        },
        null,
        2,
      ),
    },
  },
  {
    name: 'typed-data-generic',
    details: {
      kind: 'sign-typed-data',
      from: alice,
      chainId: 31337,
      view: {
        kind: 'generic',
        primaryType: 'Mail',
        domain: { name: 'Ether Mail', version: '1', chainId: '31337' },
        isWellFormed: true,
      },
      json: JSON.stringify(
        {
          domain: { name: 'Ether Mail', version: '1', chainId: 31337 },
          primaryType: 'Mail',
          message: {
            from: { name: 'Cow', wallet: alice },
            to: [{ name: 'Bob', wallet: bob }],
            contents: 'Hello, Bob!',
            attachments: [],
          },
        },
        null,
        2,
      ),
    },
  },
  {
    name: 'add-chain',
    details: {
      kind: 'add-chain',
      chainId: 8453,
      chainName: 'Base',
      rpcUrl: 'https://mainnet.base.org',
      nativeSymbol: 'ETH',
      blockExplorerUrl: 'https://basescan.org',
    },
  },
  {
    name: 'switch-chain',
    details: { kind: 'switch-chain', chainId: 31337, chainName: 'Local dev chain' },
  },
  {
    name: 'watch-asset',
    details: { kind: 'watch-asset', address: usdc, symbol: 'USDC', decimals: 6, chainId: 31337 },
  },
];

/** The fixtures as a queue, as `listApprovals` would answer at `now`. */
export function approvalFixtures(now: number): ApprovalRequest[] {
  return fixtureDetails.map(({ name, details }, index) => ({
    id: `fixture-${name}`,
    origin:
      details.kind === 'connect'
        ? 'http://shop.example.net'
        : index % 2 === 0
          ? 'https://shop.example.com'
          : 'https://app.example.org:8443',
    isSiteConnected: details.kind !== 'connect' && details.kind !== 'add-chain',
    createdAt: now - 5_000,
    expiresAt: now + 10 * 60_000 - 5_000,
    details,
  }));
}

/**
 * Robustness fuzz of the dapp request path, driven exactly as the service worker drives it:
 * handleWorkerMessage → DappRequestHandler with a real wallet, real stores and a real approval
 * queue whose "user" decides automatically. The chain is a recording stub (e2e covers the real
 * one). Whatever a page sends, it gets one EIP-1193 answer, no window stays open, and nothing
 * malformed reaches the signers or the chain's sendRawTransaction.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { keccak256, numberToHex } from 'viem';
import type { Address, Hex } from 'viem';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import { providerErrorCodes } from '../../../shared/errors/ProviderRpcError.ts';
import type {
  ApprovalDecision,
  ApprovalRequest,
} from '../../../shared/protocol/approvalMessages.ts';
import type { WorkerReply } from '../../../shared/protocol/walletMessages.ts';
import { ApprovalQueue } from '../approvals/ApprovalQueue.ts';
import { handleWorkerMessage } from '../rpc/handleWorkerMessage.ts';
import { createMemoryStorageArea } from '../wallet/StorageArea.ts';
import { WalletController } from '../wallet/WalletController.ts';
import type { ScryptParams, VaultKdfLimits } from '../vault/Vault.ts';
import { DappRequestHandler, readOnlyMethods } from './DappRequestHandler.ts';
import type { ChainAccess, WalletSigner } from './DappRequestHandler.ts';
import { NetworkStore } from './NetworkStore.ts';
import { parseAddEthereumChainRequest } from './parseAddEthereumChainRequest.ts';
import type { WalletNetwork } from './NetworkStore.ts';
import { SitePermissions } from './SitePermissions.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const connectedAccount: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Hardhat account 1: a real address this wallet does not hold. */
const foreignAccount: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const tokenAddress: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const cheapKdf: { params: ScryptParams; limits: VaultKdfLimits } = {
  params: { N: 2 ** 10, r: 8, p: 1 },
  limits: {
    minimum: { N: 2 ** 10, r: 8, p: 1 },
    maximum: { N: 2 ** 19, r: 16, p: 4, memoryBytes: 512 * 1024 * 1024 },
  },
};
const site = { origin: 'https://shop.example', url: 'https://shop.example/checkout' };
const devChainIdHex = '0x7a69';
const allowedCodes = new Set<number>(Object.values(providerErrorCodes));
const maxErrorJsonLength = 2_000;

const builtinNetworks = knownNetworks.map((network): WalletNetwork => ({
  chainId: network.chainId,
  name: network.name,
  rpcUrls: network.rpcUrls,
  nativeSymbol: network.nativeCurrency.symbol,
  ...(network.blockExplorerUrl === undefined ? {} : { blockExplorerUrl: network.blockExplorerUrl }),
  tokens: network.tokens,
}));

type SignerCall = { method: string; isRefused: boolean; error?: unknown };
type Variant = { isConnected: boolean; approver: 'approve' | 'reject' };

/** Delegates to the real wallet and records every signing call and whether the keyring refused. */
function recordingSigner(wallet: WalletController, calls: SignerCall[]): WalletSigner {
  const record = async (method: string, sign: () => Promise<Hex>): Promise<Hex> => {
    try {
      const signature = await sign();
      calls.push({ method, isRefused: false });
      return signature;
    } catch (error) {
      calls.push({ method, isRefused: true, error });
      throw error;
    }
  };
  return {
    isUnlocked: () => wallet.isUnlocked(),
    visibleAccounts: () => wallet.visibleAccounts(),
    signTransaction: (address, transaction) =>
      record('signTransaction', () => wallet.signTransaction(address, transaction)),
    signPersonalMessage: (address, message) =>
      record('signPersonalMessage', () => wallet.signPersonalMessage(address, message)),
    signTypedData: (address, typedData, chainId) =>
      record('signTypedData', () => wallet.signTypedData(address, typedData, chainId)),
  };
}

const chainReadResults: Readonly<Record<string, unknown>> = {
  eth_blockNumber: '0x10',
  eth_call: '0x',
  eth_estimateGas: '0x5208',
  eth_gasPrice: '0x3b9aca00',
  eth_getBalance: '0xde0b6b3a7640000',
  eth_getCode: '0x',
  eth_getTransactionCount: '0x0',
  eth_maxPriorityFeePerGas: '0x3b9aca00',
};

/** Plausible answers, every call recorded by method name. */
function recordingChain(calls: string[]): ChainAccess {
  return {
    request: (method) => {
      calls.push(`request:${method}`);
      return Promise.resolve(chainReadResults[method] ?? null);
    },
    estimateGas: () => {
      calls.push('estimateGas');
      return Promise.resolve(21_000n);
    },
    estimateFees: () => {
      calls.push('estimateFees');
      return Promise.resolve({
        maxFeePerGas: 2_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
      });
    },
    reserveNonce: () => {
      calls.push('reserveNonce');
      return Promise.resolve(0);
    },
    releaseNonce: () => {
      calls.push('releaseNonce');
    },
    sendRawTransaction: (serialized) => {
      calls.push('sendRawTransaction');
      return Promise.resolve(keccak256(serialized));
    },
    verifyChainId: () => {
      calls.push('verifyChainId');
      return Promise.resolve();
    },
  };
}

type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Fresh stores, queue and chain per run; the (read-only for sites) wallet is shared. */
async function createHarness(wallet: WalletController, { isConnected, approver }: Variant) {
  const local = createMemoryStorageArea();
  const permissions = new SitePermissions(local);
  if (isConnected) await permissions.grant(site.origin, [connectedAccount], 1);
  const networks = new NetworkStore(local, builtinNetworks);
  const signerCalls: SignerCall[] = [];
  const chainCalls: string[] = [];
  const asked: ApprovalRequest[] = [];
  const window = { shows: 0, isOpen: false };
  let nextId = 0;
  const decide = (request: ApprovalRequest): ApprovalDecision => {
    if (approver === 'reject') return { approved: false };
    return request.details.kind === 'connect'
      ? { approved: true, accounts: request.details.accounts.map((account) => account.address) }
      : { approved: true };
  };
  const approvals: ApprovalQueue = new ApprovalQueue({
    now: () => 1_700_000_000_000,
    timeoutMs: 2_000,
    closeDelayMs: 0,
    createId: () => `approval-${(nextId += 1)}`,
    showWindow: () => {
      window.shows += 1;
      window.isOpen = true;
      // The "user" answers everything on screen, a moment after the window opens.
      queueMicrotask(() => {
        for (const request of approvals.list()) {
          asked.push(request);
          approvals.resolve(request.id, decide(request));
        }
      });
      return Promise.resolve();
    },
    closeWindow: () => {
      window.isOpen = false;
      return Promise.resolve();
    },
  });
  const handler = new DappRequestHandler({
    wallet: recordingSigner(wallet, signerCalls),
    permissions,
    networks,
    approvals,
    chainFor: () => recordingChain(chainCalls),
    events: { toOrigin: () => undefined, toAll: () => undefined },
    now: () => 1_700_000_000_000,
    requestUnlock: async (origin) => {
      await approvals.ask({
        origin,
        isSiteConnected: (await permissions.get(origin)) !== undefined,
        details: { kind: 'unlock' },
      });
    },
    parseAddEthereumChain: parseAddEthereumChainRequest,
  });
  const storedBefore = JSON.stringify([...local.items]);
  return {
    approvals,
    window,
    asked,
    signerCalls,
    chainCalls,
    hasStorageChanged: () => JSON.stringify([...local.items]) !== storedBefore,
    handle: handler.handle.bind(handler),
  };
}

/** Sends one page request the way the service worker does; fails on a rejection or a hang. */
async function send(harness: Harness, request: unknown): Promise<WorkerReply> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error('the request never settled'));
    }, 5_000);
  });
  let reply: WorkerReply;
  try {
    reply = await Promise.race([
      handleWorkerMessage({
        message: { kind: 'rpc', request },
        sender: site,
        handle: harness.handle,
      }),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
  // Let the queue's close timer (0 ms) run before looking at the window.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return reply;
}

/** Properties every reply must have, whatever was sent. */
function expectWellFormedReply(harness: Harness, reply: WorkerReply): void {
  expect(() => JSON.stringify(reply)).not.toThrow();
  if (reply.ok) {
    expect(reply).toHaveProperty('result');
  } else {
    const { code, message } = reply.error;
    expect(allowedCodes.has(code), `code ${code}`).toBe(true);
    expect(typeof message).toBe('string');
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toMatch(/\n|\bat .+:\d+:\d+/);
    // The page's input is never echoed back at length.
    expect(JSON.stringify(reply.error).length).toBeLessThanOrEqual(maxErrorJsonLength);
  }
  expect(harness.approvals.list()).toEqual([]);
  expect(harness.window.isOpen).toBe(false);
  // What the handler passed on after approval, the keyring accepted: its checks are no stricter.
  expect(harness.signerCalls.filter((call) => call.isRefused)).toEqual([]);
}

/** Shortens huge values so a counterexample stays readable. */
function summarize(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'bigint' ? `${inner}n` : inner,
    );
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

// ---------------------------------------------------------------- arbitraries

const hexDigits = '0123456789abcdefABCDEF'.split('');
const hexString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...hexDigits), minLength, maxLength });

/** A string of about `minimum`..`maximum` characters, built by repetition so 1 MB stays fast. */
const hugeString = (
  minimum: number,
  maximum: number,
  unit = fc.string({ minLength: 1, maxLength: 8 }),
) =>
  fc
    .tuple(unit, fc.integer({ min: minimum, max: maximum }))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

const nonStringJunk = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** Deeply nested arrays or objects (up to 10 000 levels). */
const deeplyNested = fc
  .tuple(fc.integer({ min: 100, max: 10_000 }), fc.boolean(), fc.anything({ maxDepth: 0 }))
  .map(([depth, isArray, leaf]) => {
    let value: unknown = leaf;
    for (let level = 0; level < depth; level += 1) value = isArray ? [value] : { a: value };
    return value;
  });

const checksumLetterIndexes = connectedAccount
  .slice(2)
  .split('')
  .map((character, index) => (/[a-fA-F]/.test(character) ? index : -1))
  .filter((index) => index >= 0);

/** Addresses that must be refused: wrong length, bad EIP-55 checksum, not hex, not strings. */
const badAddress = fc.oneof(
  hexString(0, 80)
    .filter((hex) => hex.length !== 40)
    .map((hex) => `0x${hex}`),
  fc.constantFrom(...checksumLetterIndexes).map((index) => {
    const body = connectedAccount.slice(2);
    const character = body[index] ?? '';
    const flipped =
      character === character.toLowerCase() ? character.toUpperCase() : character.toLowerCase();
    return `0x${body.slice(0, index)}${flipped}${body.slice(index + 1)}`;
  }),
  fc
    .tuple(hexString(39, 39), fc.constantFrom(...'ghxyzGXZ _-.'.split('')), fc.nat(39))
    .map(([hex, bad, at]) => `0x${hex.slice(0, at)}${bad}${hex.slice(at)}`),
  hexString(40, 40),
  fc.constantFrom(
    '',
    '0x',
    `0X${connectedAccount.slice(2)}`,
    ` ${connectedAccount}`,
    `${connectedAccount} `,
    `${connectedAccount}00`,
  ),
  nonStringJunk,
  hugeString(1_000, 50_000),
);

/** JSON-RPC quantities that must be refused. */
const badQuantity = fc.oneof(
  hexString(1, 63).map((hex) => `0x0${hex}`),
  hexString(1, 64).map((hex) => `-0x${hex}`),
  hexString(65, 80).map((hex) => `0x1${hex}`),
  fc.bigInt({ min: 2n ** 256n, max: 2n ** 300n }).map((value) => `0x${value.toString(16)}`),
  fc.nat().map(String),
  fc.constantFrom('', '0x', '0X1', ' 0x1', '0x1 ', '0xg', '0x1.5', '1e18', 'Infinity', '0x-1'),
  nonStringJunk,
);

/** Chain ids out of range or not on this wallet's active chain. */
const badChainId = fc.oneof(
  badQuantity,
  fc.constant('0x0'),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 256n - 1n }).map((value) => `0x${value.toString(16)}`),
);

const badData = fc.oneof(
  hexString(0, 40)
    .filter((hex) => hex.length % 2 === 1)
    .map((hex) => `0x${hex}`),
  hexString(2, 40)
    .filter((hex) => hex.length % 2 === 0)
    .map((hex) => hex),
  fc.constantFrom('0xzz', '0x 1', 'hello'),
  fc.integer({ min: 128 * 1024 + 1, max: 512 * 1024 }).map((bytes) => `0x${'ab'.repeat(bytes)}`),
  // null is "absent" for data (as for to), so it is not malformed here.
  nonStringJunk.filter((value) => value !== null),
);

const validTransaction = {
  from: connectedAccount,
  to: foreignAccount,
  value: '0x1',
  gas: '0x5208',
};

const badTransactionParams = fc.oneof(
  badAddress.map((from) => [{ ...validTransaction, from }]),
  fc.constant([{ ...validTransaction, from: foreignAccount }]),
  fc.constant([{ ...validTransaction, from: undefined }]),
  badAddress.filter((to) => to !== null).map((to) => [{ ...validTransaction, to }]),
  fc
    .tuple(fc.constantFrom('value', 'gas', 'maxFeePerGas', 'maxPriorityFeePerGas'), badQuantity)
    .map(([field, bad]) => [{ ...validTransaction, [field]: bad }]),
  fc.constant([{ ...validTransaction, gas: '0x0' }]),
  fc.constant([{ ...validTransaction, maxFeePerGas: '0x1', maxPriorityFeePerGas: '0x2' }]),
  fc
    .tuple(badChainId, fc.constantFrom(undefined, '0x1', '0x2105'))
    .map(([bad, other]) => [{ ...validTransaction, chainId: other ?? bad }]),
  fc
    .tuple(fc.constantFrom('data', 'input'), badData)
    .map(([field, bad]) => [{ ...validTransaction, [field]: bad }]),
  fc.constantFrom(
    [{ from: connectedAccount, value: '0x1' }],
    [{ from: connectedAccount, data: '0x' }],
    [{ from: connectedAccount, to: null }],
  ),
  fc.constantFrom([], [null], ['0x1'], [[validTransaction]], { ...validTransaction }),
);

const validTypedData = {
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 31337,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
};
const validTypedDataJson = JSON.stringify(validTypedData);

const badTypedDataShape = fc
  .oneof(
    // A proper prefix of a JSON object is never valid JSON.
    fc.nat(validTypedDataJson.length - 1).map((end) => validTypedDataJson.slice(0, end)),
    fc.string(),
    hugeString(1_000, 1_100_000).map((filler) => JSON.stringify({ filler })),
    fc
      .tuple(fc.integer({ min: 1_000, max: 120_000 }), fc.boolean())
      .map(([depth, isArray]) =>
        isArray
          ? `${'['.repeat(depth)}${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      ),
    fc
      .oneof(
        badChainId,
        fc.constantFrom(1, '1', '0x1', -1, 1.5, 2 ** 60, '0x0000000000000000007a69', '031337'),
      )
      .map((chainId) => ({ ...validTypedData, domain: { ...validTypedData.domain, chainId } })),
    badAddress.map((wallet) => ({
      ...validTypedData,
      message: { ...validTypedData.message, to: { name: 'Bob', wallet } },
    })),
    fc.constantFrom(
      { ...validTypedData, primaryType: 'Nope' },
      { ...validTypedData, primaryType: 'EIP712Domain' },
      { ...validTypedData, types: { Mail: validTypedData.types.Mail } },
      { ...validTypedData, message: { ...validTypedData.message, extra: 1 } },
      { ...validTypedData, message: { from: validTypedData.message.from } },
    ),
  )
  .chain((typedData) =>
    // Sent as an object or as the JSON text of one.
    typeof typedData === 'object'
      ? fc.constantFrom(typedData, JSON.stringify(typedData))
      : fc.constant(typedData),
  );
const badTypedData = fc.oneof(badTypedDataShape, deeplyNested, nonStringJunk);

const badPersonalSignParams = fc.oneof(
  badAddress.map((account) => ['hello', account]),
  fc.constant(['hello', foreignAccount]),
  fc.constant([connectedAccount, 'hello']),
  nonStringJunk.map((message) => [message, connectedAccount]),
  hexString(1, 41)
    .filter((hex) => hex.length % 2 === 1)
    .map((hex) => [`0x${hex}`, connectedAccount]),
  fc
    .integer({ min: 100_001, max: 300_000 })
    .map((bytes) => [`0x${'ab'.repeat(bytes)}`, connectedAccount]),
  hugeString(100_001, 1_100_000).map((text) => [text, connectedAccount]),
  fc.constantFrom('\uD800', 'a\uDC00b', 'pay \uD83D').map((text) => [text, connectedAccount]),
  fc.constantFrom([], ['hello'], { message: 'hello', account: connectedAccount }),
);

const badSignTypedDataParams = fc.oneof(
  badAddress.map((account) => [account, validTypedDataJson]),
  fc.constant([foreignAccount, validTypedDataJson]),
  badTypedData.map((typedData) => [connectedAccount, typedData]),
  fc.constantFrom([], [connectedAccount], [validTypedDataJson, connectedAccount]),
);

const badSwitchChainParams = fc.oneof(
  badChainId.map((chainId) => [{ chainId }]),
  fc.constantFrom([], [null], [{}], ['0x1'], [{ chainId: 1 }], { chainId: '0x1' }),
  fc.constantFrom('0xdead', '0x1a2b3c').map((chainId) => [{ chainId }]),
);

const validChainParameter = {
  chainId: '0x539',
  chainName: 'Fuzz chain',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: ['https://rpc.fuzz.example'],
};

const badAddChainParams = fc.oneof(
  badChainId.map((chainId) => [{ ...validChainParameter, chainId }]),
  fc
    .oneof(
      fc.constantFrom('', '   ', 'a\u0000b', 'evil\u202Eeman', 'x'.repeat(65)),
      hugeString(1_000, 1_100_000),
      nonStringJunk,
    )
    .map((chainName) => [{ ...validChainParameter, chainName }]),
  fc
    .oneof(
      fc.constantFrom(undefined, null, [], { name: 'Ether', symbol: 'ETH' }),
      fc.constantFrom('E', 'ETHEREUM', 'E TH', '', 12).map((symbol) => ({
        name: 'Ether',
        symbol,
        decimals: 18,
      })),
      fc.constantFrom(0, 17, 19, '18', null, 18.5).map((decimals) => ({
        name: 'Ether',
        symbol: 'ETH',
        decimals,
      })),
    )
    .map((nativeCurrency) => [{ ...validChainParameter, nativeCurrency }]),
  fc
    .oneof(
      fc.constantFrom(
        [],
        ['http://rpc.fuzz.example'],
        ['javascript:alert(1)'],
        ['not a url'],
        ['https://user:secret@rpc.fuzz.example'],
        ['https://rpc.fuzz.example', 'https://rpc.fuzz.example'],
        [
          'https://a.example',
          'https://b.example',
          'https://c.example',
          'https://d.example',
          'https://e.example',
          'https://f.example',
        ],
        'https://rpc.fuzz.example',
      ),
      hugeString(3_000, 1_100_000).map((path) => [`https://rpc.fuzz.example/${path}`]),
      nonStringJunk.map((url) => [url]),
    )
    .map((rpcUrls) => [{ ...validChainParameter, rpcUrls }]),
  fc
    .oneof(fc.constantFrom('foo', '__proto__x', 'rpcUrl'), hugeString(1_000, 1_100_000))
    .map((key) => [{ ...validChainParameter, [key]: 1 }]),
  fc.constantFrom([], [null], ['0x539'], { ...validChainParameter }),
  deeplyNested.map((nested) => [nested]),
);

const validWatchAsset = {
  type: 'ERC20',
  options: { address: tokenAddress, symbol: 'TKN', decimals: 18 },
};

const badWatchAssetParams = fc.oneof(
  fc.constantFrom('ERC721', 'erc20', undefined, 1).map((type) => ({ ...validWatchAsset, type })),
  fc.constantFrom(undefined, null, [], 'x').map((options) => ({ ...validWatchAsset, options })),
  badAddress.map((address) => ({
    ...validWatchAsset,
    options: { ...validWatchAsset.options, address },
  })),
  fc
    .oneof(
      fc.constantFrom('', 'TWELVECHARSS', 'T K', 'a\u0000', '<b>'),
      hugeString(12, 1_100_000),
      nonStringJunk,
    )
    .map((symbol) => ({ ...validWatchAsset, options: { ...validWatchAsset.options, symbol } })),
  fc
    .constantFrom(-1, 37, 1.5, '18', Number.NaN, Number.POSITIVE_INFINITY, null, 2 ** 60)
    .map((decimals) => ({ ...validWatchAsset, options: { ...validWatchAsset.options, decimals } })),
  fc.constant([validWatchAsset]),
);

const badRevokeParams = [[], {}, [null], [{}], [{ foo: {} }], ['eth_accounts'], [[]]];
const badPermissionParams = fc.oneof(
  fc.constantFrom(...badRevokeParams).map((params) => ({
    method: 'wallet_revokePermissions',
    params,
  })),
  fc
    .constantFrom(
      ...badRevokeParams,
      [{ eth_accounts: {}, other: {} }],
      [{ other: {}, eth_accounts: {} }],
    )
    .map((params) => ({ method: 'wallet_requestPermissions', params })),
);

const knownMethods = [
  'eth_sendTransaction',
  'personal_sign',
  'eth_signTypedData_v4',
  'wallet_switchEthereumChain',
  'wallet_addEthereumChain',
  'wallet_watchAsset',
  'wallet_requestPermissions',
  'wallet_revokePermissions',
  'wallet_getPermissions',
  'eth_requestAccounts',
  'eth_accounts',
  'eth_chainId',
  'net_version',
  'eth_call',
  'eth_getBalance',
  'eth_blockNumber',
];

/** Request envelopes that are wrong before any method runs. */
const badEnvelope = fc.oneof(
  nonStringJunk.filter(
    (value) => typeof value !== 'object' || value === null || Array.isArray(value),
  ),
  fc.constantFrom({}, { params: [] }, { method: '' }, { method: 'x'.repeat(129) }),
  nonStringJunk.map((method) => ({ method, params: [] })),
  fc
    .tuple(
      fc.constantFrom('eth_sendTransaction', 'eth_call', 'personal_sign'),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    )
    .map(([method, params]) => ({ method, params })),
);

const malformedRequest = fc.oneof(
  {
    weight: 4,
    arbitrary: badTransactionParams.map((params) => ({ method: 'eth_sendTransaction', params })),
  },
  {
    weight: 3,
    arbitrary: badPersonalSignParams.map((params) => ({ method: 'personal_sign', params })),
  },
  {
    weight: 3,
    arbitrary: badSignTypedDataParams.map((params) => ({ method: 'eth_signTypedData_v4', params })),
  },
  {
    weight: 2,
    arbitrary: badSwitchChainParams.map((params) => ({
      method: 'wallet_switchEthereumChain',
      params,
    })),
  },
  {
    weight: 3,
    arbitrary: badAddChainParams.map((params) => ({ method: 'wallet_addEthereumChain', params })),
  },
  {
    weight: 2,
    arbitrary: badWatchAssetParams.map((params) => ({ method: 'wallet_watchAsset', params })),
  },
  { weight: 2, arbitrary: badPermissionParams },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...readOnlyMethods),
        fc.oneof(fc.object({ maxDepth: 1 }), fc.constant({})),
      )
      .map(([method, params]) => ({ method, params })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 128 })
      .filter((method) => !knownMethods.includes(method) && !readOnlyMethods.has(method))
      .map((method) => ({ method, params: [] })),
  },
  { weight: 2, arbitrary: badEnvelope },
);

const fieldNames = [
  'from',
  'to',
  'value',
  'gas',
  'data',
  'input',
  'chainId',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'type',
  'options',
  'address',
  'symbol',
  'decimals',
  'eth_accounts',
  'chainName',
  'nativeCurrency',
  'rpcUrls',
  'types',
  'primaryType',
  'domain',
  'message',
];

/** Values a page might put anywhere: plausible ones, malformed ones and arbitrary ones. */
const junkValue = fc.oneof(
  fc.constantFrom(
    connectedAccount,
    foreignAccount,
    '0x1',
    '0x5208',
    devChainIdHex,
    '0x',
    '0xdeadbeef',
    'hello',
    'ERC20',
    18,
    {},
    validTypedDataJson,
    validTypedData,
    validChainParameter,
    validWatchAsset.options,
  ),
  badAddress,
  badQuantity,
  fc.anything({ maxDepth: 2 }),
);

const junkObject = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string()), junkValue, {
  maxKeys: 6,
});

const anythingOptions = {
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
} as const;

const anyParams = fc.oneof(
  { weight: 3, arbitrary: fc.anything(anythingOptions) },
  { weight: 3, arbitrary: fc.array(junkValue, { maxLength: 4 }) },
  { weight: 3, arbitrary: fc.array(junkObject, { maxLength: 3 }) },
  { weight: 2, arbitrary: junkObject },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: hugeString(100_000, 1_100_000).map((huge) => [huge, connectedAccount]) },
);

const anyMethod = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...knownMethods) },
  { weight: 1, arbitrary: fc.constantFrom(...readOnlyMethods) },
  { weight: 1, arbitrary: fc.string({ maxLength: 140 }) },
);

const anyRequest = fc.oneof(
  { weight: 8, arbitrary: fc.record({ method: anyMethod, params: anyParams }) },
  { weight: 1, arbitrary: fc.record({ method: anyMethod }) },
  { weight: 1, arbitrary: fc.anything(anythingOptions) },
);

/** Mostly valid, sometimes malformed: picks the valid arbitrary `weight` times in 10. */
const mostly = <Valid, Bad>(valid: fc.Arbitrary<Valid>, bad: fc.Arbitrary<Bad>, weight = 8) =>
  fc.oneof({ weight, arbitrary: valid }, { weight: 10 - weight, arbitrary: bad });

const toQuantity = (value: bigint) => `0x${value.toString(16)}`;
const anyQuantity = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 64n }),
  fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  fc.constantFrom(0n, 1n, 2n ** 256n - 1n),
);
const connectedSpellings = fc.constantFrom(
  connectedAccount,
  connectedAccount.toLowerCase(),
  `0x${connectedAccount.slice(2).toUpperCase()}`,
);
const anyAccount = mostly(connectedSpellings, fc.oneof(fc.constant(foreignAccount), badAddress));
const bytesHex = (maxLength: number) =>
  fc.uint8Array({ maxLength }).map((bytes) => `0x${Buffer.from(bytes).toString('hex')}`);
const erc20Call = fc
  .tuple(
    fc.constantFrom('a9059cbb', '095ea7b3', '23b872dd', '39509351'),
    fc.array(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), { maxLength: 3 }),
    hexString(0, 9),
  )
  .map(
    ([selector, words, tail]) =>
      `0x${selector}${words.map((word) => word.toString(16).padStart(64, '0')).join('')}${tail.length % 2 === 0 ? tail : `${tail}0`}`,
  );

const nearValidTransaction = fc.record(
  {
    from: anyAccount,
    to: mostly(fc.constantFrom(foreignAccount, tokenAddress, null), badAddress),
    value: mostly(anyQuantity.map(toQuantity), badQuantity),
    gas: mostly(anyQuantity.map(toQuantity), badQuantity),
    maxFeePerGas: mostly(anyQuantity.map(toQuantity), badQuantity),
    maxPriorityFeePerGas: mostly(anyQuantity.map(toQuantity), badQuantity),
    chainId: mostly(fc.constantFrom(devChainIdHex, '0x7A69', '0x1'), badChainId),
    data: mostly(fc.oneof(bytesHex(64), erc20Call), badData),
    input: mostly(fc.oneof(bytesHex(64), erc20Call), badData),
    nonce: fc.anything({ maxDepth: 0 }),
  },
  { requiredKeys: ['from'] },
);

const permitTypedData = fc
  .record({
    chainId: mostly(
      fc.constantFrom(31337, '31337', devChainIdHex, '0x7A69'),
      fc.oneof(badChainId, fc.constantFrom(1, '1', -31337, 31337.5)),
    ),
    owner: mostly(connectedSpellings, badAddress),
    spender: mostly(fc.constant(foreignAccount), badAddress),
    value: mostly(
      fc.oneof(anyQuantity.map(toQuantity), anyQuantity.map(String), fc.maxSafeNat()),
      fc.oneof(badQuantity, fc.constantFrom(-1, '-1', 1.5, '0x', '1e3')),
    ),
    deadline: mostly(fc.maxSafeNat(), badQuantity),
    name: mostly(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
  })
  .map(({ chainId, owner, spender, value, deadline, name }) => ({
    types: {
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
    },
    primaryType: 'Permit',
    domain: { name, version: '1', chainId, verifyingContract: tokenAddress },
    message: { owner, spender, value, nonce: 0, deadline },
  }))
  .chain((typedData) => fc.constantFrom(typedData, JSON.stringify(typedData)));

const nearValidChainParameter = fc.record(
  {
    chainId: mostly(
      fc.oneof(
        fc.constantFrom('0x1', devChainIdHex),
        fc.integer({ min: 2, max: 2 ** 40 }).map(numberToHex),
      ),
      badChainId,
    ),
    chainName: mostly(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }),
      fc.string({ unit: 'binary' }),
    ),
    nativeCurrency: fc.record({
      name: mostly(fc.constant('Ether'), fc.string({ unit: 'binary' })),
      symbol: mostly(fc.constantFrom('ETH', 'POL', 'xDAI'), fc.string({ unit: 'binary' })),
      decimals: mostly(fc.constant(18), fc.integer()),
    }),
    rpcUrls: mostly(
      fc.constantFrom(
        ['https://rpc.fuzz.example'],
        ['http://127.0.0.1:8545'],
        ['http://localhost:8545/'],
      ),
      fc.array(fc.oneof(fc.webUrl(), fc.string()), { maxLength: 6 }),
    ),
    blockExplorerUrls: mostly(
      fc.constantFrom(['https://scan.fuzz.example'], null),
      fc.anything({ maxDepth: 1 }),
    ),
  },
  { requiredKeys: ['chainId', 'chainName', 'nativeCurrency', 'rpcUrls'] },
);

const nearValidRequest = fc.oneof(
  {
    weight: 4,
    arbitrary: nearValidTransaction.map((transaction) => ({
      method: 'eth_sendTransaction',
      params: [transaction],
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          bytesHex(128),
          hexString(0, 20).map((hex) => `0x${hex}`),
        ),
        anyAccount,
      )
      .map(([message, account]) => ({ method: 'personal_sign', params: [message, account] })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(anyAccount, permitTypedData).map(([account, typedData]) => ({
      method: 'eth_signTypedData_v4',
      params: [account, typedData],
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(...builtinNetworks.map((network) => numberToHex(network.chainId))),
        badChainId,
      )
      .map((chainId) => ({ method: 'wallet_switchEthereumChain', params: [{ chainId }] })),
  },
  {
    weight: 2,
    arbitrary: nearValidChainParameter.map((parameter) => ({
      method: 'wallet_addEthereumChain',
      params: [parameter],
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        address: mostly(fc.constantFrom(tokenAddress, foreignAccount), badAddress),
        symbol: mostly(fc.constantFrom('TKN', 'USD.e', 'a$_-1'), fc.string({ unit: 'binary' })),
        decimals: mostly(fc.integer({ min: 0, max: 36 }), fc.oneof(fc.integer(), fc.double())),
      })
      .map((options) => ({ method: 'wallet_watchAsset', params: { type: 'ERC20', options } })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { method: 'eth_requestAccounts' },
      { method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] },
      { method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] },
      { method: 'wallet_getPermissions' },
      { method: 'eth_accounts' },
    ),
  },
);

// ---------------------------------------------------------------- tests

const variants: Variant[] = [
  { isConnected: true, approver: 'approve' },
  { isConnected: true, approver: 'reject' },
  { isConnected: false, approver: 'approve' },
  { isConnected: false, approver: 'reject' },
];

let wallet: WalletController;

beforeAll(async () => {
  wallet = new WalletController({
    local: createMemoryStorageArea(),
    session: createMemoryStorageArea(),
    now: () => 1_700_000_000_000,
    network: () => Promise.resolve({ chainId: 31337, name: 'dev', rpcUrl: 'http://127.0.0.1:1' }),
    readBalances: () => Promise.resolve([]),
    kdf: cheapKdf,
  });
  await wallet.createWallet({
    phrase: testMnemonic,
    language: 'en',
    password: 'correct horse battery',
  });
  expect(await wallet.visibleAddresses()).toEqual([connectedAccount]);
});

describe.each(variants)(
  'DappRequestHandler under fuzzing (connected: $isConnected, user: $approver)',
  (variant) => {
    it('refuses every malformed request before asking the user, signing or sending', async () => {
      await fc.assert(
        fc.asyncProperty(malformedRequest, async (request) => {
          const harness = await createHarness(wallet, variant);
          const reply = await send(harness, request);
          expectWellFormedReply(harness, reply);
          expect(reply.ok, summarize(reply)).toBe(false);
          if (!reply.ok)
            expect(reply.error.code, reply.error.message).not.toBe(
              providerErrorCodes.internalError,
            );
          expect(harness.window.shows).toBe(0);
          expect(harness.signerCalls).toEqual([]);
          expect(harness.chainCalls).not.toContain('sendRawTransaction');
          expect(harness.chainCalls).not.toContain('reserveNonce');
          expect(harness.chainCalls).not.toContain('verifyChainId');
          expect(harness.hasStorageChanged()).toBe(false);
        }),
        { numRuns: 200 },
      );
    });

    it.each([
      ['arbitrary requests', anyRequest],
      ['mostly well-formed requests', nearValidRequest],
    ])('answers %s with one EIP-1193 reply and leaves no window open', async (_name, requests) => {
      const internalErrors: string[] = [];
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          const harness = await createHarness(wallet, variant);
          const reply = await send(harness, request);
          expectWellFormedReply(harness, reply);
          if (!reply.ok && reply.error.code === providerErrorCodes.internalError)
            internalErrors.push(summarize(request));
          const signed = harness.signerCalls.length;
          if (variant.approver === 'reject') {
            expect(signed).toBe(0);
            expect(harness.chainCalls).not.toContain('sendRawTransaction');
          } else {
            // Nothing is signed without the user having been asked for it.
            expect(signed).toBeLessThanOrEqual(harness.asked.length);
          }
        }),
        { numRuns: 200 },
      );
      expect(internalErrors).toEqual([]);
    });
  },
);

describe('DappRequestHandler fuzz harness', () => {
  // Guards the properties above against passing vacuously (spies never wired, approver idle).
  it('signs and sends well-formed requests once the user approves', async () => {
    const harness = await createHarness(wallet, { isConnected: true, approver: 'approve' });
    const replies = [
      await send(harness, { method: 'eth_sendTransaction', params: [validTransaction] }),
      await send(harness, { method: 'personal_sign', params: ['0x68656c6c6f', connectedAccount] }),
      await send(harness, {
        method: 'eth_signTypedData_v4',
        params: [connectedAccount, validTypedDataJson],
      }),
    ];
    for (const reply of replies) {
      expectWellFormedReply(harness, reply);
      expect(reply.ok, summarize(reply)).toBe(true);
    }
    expect(harness.signerCalls.map((call) => call.method)).toEqual([
      'signTransaction',
      'signPersonalMessage',
      'signTypedData',
    ]);
    expect(harness.chainCalls).toContain('sendRawTransaction');
    expect(harness.window.shows).toBe(3);
  });

  it('answers 4001 and signs nothing when the user rejects well-formed requests', async () => {
    const harness = await createHarness(wallet, { isConnected: true, approver: 'reject' });
    const reply = await send(harness, {
      method: 'eth_sendTransaction',
      params: [validTransaction],
    });
    expectWellFormedReply(harness, reply);
    expect(reply).toMatchObject({ ok: false, error: { code: providerErrorCodes.userRejected } });
    expect(harness.signerCalls).toEqual([]);
    expect(harness.window.shows).toBe(1);
  });

  it.each([
    ['zero gas', 'eth_sendTransaction', [{ ...validTransaction, gas: '0x0' }]],
    ['text over 100 000 bytes', 'personal_sign', ['a'.repeat(100_001), connectedAccount]],
    ['hex over 100 000 bytes', 'personal_sign', [`0x${'ab'.repeat(100_001)}`, connectedAccount]],
    ['a lone surrogate', 'personal_sign', ['pay \uD83D', connectedAccount]],
  ])('refuses %s with -32602 before the user is asked (found by fuzzing)', async (...args) => {
    const [, method, params] = args;
    const harness = await createHarness(wallet, { isConnected: true, approver: 'approve' });
    const reply = await send(harness, { method, params });
    expect(reply).toMatchObject({ ok: false, error: { code: providerErrorCodes.invalidParams } });
    expect(harness.window.shows).toBe(0);
    expect(harness.signerCalls).toEqual([]);
  });

  it('does not echo a huge unknown wallet_addEthereumChain field back (found by fuzzing)', async () => {
    const harness = await createHarness(wallet, { isConnected: true, approver: 'approve' });
    const reply = await send(harness, {
      method: 'wallet_addEthereumChain',
      params: [{ ...validChainParameter, ['x'.repeat(1_000_000)]: 1 }],
    });
    expectWellFormedReply(harness, reply);
    expect(reply).toMatchObject({ ok: false, error: { code: providerErrorCodes.invalidParams } });
  });

  it('connects, adds a chain and watches an asset for well-formed requests', async () => {
    const harness = await createHarness(wallet, { isConnected: false, approver: 'approve' });
    const connect = await send(harness, { method: 'eth_requestAccounts' });
    expect(connect).toEqual({ ok: true, result: [connectedAccount] });
    const addChain = await send(harness, {
      method: 'wallet_addEthereumChain',
      params: [validChainParameter],
    });
    expect(addChain).toEqual({ ok: true, result: null });
    expect(await send(harness, { method: 'eth_chainId' })).toEqual({
      ok: true,
      result: numberToHex(0x539),
    });
    const watch = await send(harness, { method: 'wallet_watchAsset', params: validWatchAsset });
    expect(watch).toEqual({ ok: true, result: true });
    expect(harness.window.isOpen).toBe(false);
  });
});

describe('a page cannot make a transaction look like a subscription renewal', () => {
  const renewal = {
    planName: 'Fake Club, monthly',
    periodIndex: 3,
    dueAt: '2027-01-07T12:00:00.000Z',
    price: { amountMinor: '999', currency: 'EUR' },
    interval: 'month',
    intervalCount: 1,
  } as const;
  const claim = fc.oneof(fc.constant(renewal), fc.anything({ maxDepth: 2 }));
  const key = fc.constantFrom('renewal', 'context', 'subscriptionRenewal', 'tpPay:renewal');
  /** The claim in the transaction, as an extra parameter, or beside method and params. */
  const claimingRequest = fc.oneof(
    fc.tuple(key, claim).map(([name, value]) => ({
      method: 'eth_sendTransaction',
      params: [{ ...validTransaction, [name]: value }],
    })),
    claim.map((value) => ({ method: 'eth_sendTransaction', params: [validTransaction, value] })),
    fc.tuple(key, claim).map(([name, value]) => ({
      method: 'eth_sendTransaction',
      params: [validTransaction],
      [name]: value,
    })),
  );

  it('never shows a page request as a renewal, wherever the page puts the claim', async () => {
    let shown = 0;
    await fc.assert(
      fc.asyncProperty(claimingRequest, async (request) => {
        const harness = await createHarness(wallet, { isConnected: true, approver: 'approve' });
        const reply = await send(harness, request);
        expectWellFormedReply(harness, reply);
        shown += harness.asked.length;
        for (const asked of harness.asked) expect(asked.details).not.toHaveProperty('renewal');
      }),
      { numRuns: 150 },
    );
    // Not vacuous: most of these requests reach the window.
    expect(shown).toBeGreaterThan(50);
  });

  it('shows the renewal the wallet passes beside the request (the property above can fail)', async () => {
    const harness = await createHarness(wallet, { isConnected: true, approver: 'approve' });
    await harness.handle(
      { method: 'eth_sendTransaction', params: [validTransaction] },
      site.origin,
      { renewal },
    );
    expect(harness.asked.map((asked) => asked.details)).toEqual([
      expect.objectContaining({ kind: 'send-transaction', renewal }),
    ]);
    // A page's request with the same claim in its transaction is asked as a plain transaction.
    const reply = await send(harness, {
      method: 'eth_sendTransaction',
      params: [{ ...validTransaction, renewal }],
    });
    expect(reply.ok, summarize(reply)).toBe(true);
    expect(harness.asked[1]?.details).toMatchObject({ kind: 'send-transaction' });
    expect(harness.asked[1]?.details).not.toHaveProperty('renewal');
  });
});

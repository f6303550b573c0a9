/**
 * Answers EIP-1193 requests for one site. Trusted: `origin` (from the browser), the wallet, the
 * stores and the chain access passed in. Not trusted: `request` (method and params from the page).
 * Anything that shares accounts or switches chains asks the user first through the approval
 * queue; anything that signs or sends goes through the spending policy first (`DappPolicy`:
 * paid without a prompt, asked, asked with the password, or refused); read-only calls go to the
 * chain; everything else is 4200.
 */
import { hexToString, keccak256, numberToHex } from 'viem';
import type { Address, Hex } from 'viem';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import type {
  ApprovalDetails,
  SubscriptionRenewalView,
} from '../../../shared/protocol/approvalMessages.ts';
import type { RpcRequest } from '../../../shared/protocol/walletMessages.ts';
import type { AccountView } from '../../../shared/protocol/walletUiMessages.ts';
import type { ApprovalQueue } from '../approvals/ApprovalQueue.ts';
import { describeTransaction } from '../decode/describeTransaction.ts';
import { describeTypedData } from '../decode/describeTypedData.ts';
import { parsePersonalMessage } from '../decode/parsePersonalMessage.ts';
import { parseTypedData } from '../decode/parseTypedData.ts';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { NetworkStore, WalletNetwork } from './NetworkStore.ts';
import {
  invalidParam,
  readAddress,
  readChainIdHex,
  readData,
  readParamsArray,
  readQuantity,
} from './parseRpcParams.ts';
import type { DappPolicy, SpendingAuthorization } from './DappPolicy.ts';
import type { SitePermissions } from './SitePermissions.ts';
import { createBroadcastOrder } from './createBroadcastOrder.ts';
import { toEip2255Permissions } from './SitePermissions.ts';

export type Eip1559Transaction = {
  chainId: number;
  nonce: number;
  to?: Address;
  value: bigint;
  data?: Hex;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
};

/** What the handler needs from the wallet: account names and "sign this", never a key. */
export type WalletSigner = {
  isUnlocked(): Promise<boolean>;
  visibleAccounts(): Promise<AccountView[]>;
  signTransaction(address: Address, transaction: Eip1559Transaction): Promise<Hex>;
  signPersonalMessage(address: Address, message: Hex): Promise<Hex>;
  signTypedData(address: Address, typedData: unknown, activeChainId: number): Promise<Hex>;
};

/** What the handler needs from the active chain. */
export type ChainAccess = {
  request(method: string, params: readonly unknown[]): Promise<unknown>;
  estimateGas(transaction: {
    from: Address;
    to?: Address;
    value: bigint;
    data?: Hex;
  }): Promise<bigint>;
  estimateFees(): Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }>;
  reserveNonce(address: Address): Promise<number>;
  releaseNonce(address: Address, nonce: number): void;
  sendRawTransaction(serialized: Hex): Promise<Hex>;
  verifyChainId(rpcUrl: string, expectedChainId: number): Promise<void>;
};

/**
 * What the wallet itself knows about a request it sends on a site's behalf (the subscription
 * scheduler's renewals). Only wallet code passes it, as `handle`'s third argument; the page path
 * (handleWorkerMessage) passes two, so no site can set it.
 */
export type WalletRequestContext = {
  readonly renewal?: SubscriptionRenewalView;
};

export type SiteEvents = {
  /** Tells one site's frames (`accountsChanged`, `connect`, `disconnect`). */
  toOrigin(origin: string, event: string, data: unknown): void;
  /** Tells every site (`chainChanged`). */
  toAll(event: string, data: unknown): void;
};

export type DappRequestHandlerParameters = {
  readonly wallet: WalletSigner;
  readonly permissions: SitePermissions;
  readonly networks: NetworkStore;
  readonly approvals: ApprovalQueue;
  readonly chainFor: (network: WalletNetwork) => ChainAccess;
  readonly events: SiteEvents;
  readonly now: () => number;
  /** Asks the user to unlock (opens the popup) and resolves when unlocked. */
  readonly requestUnlock: (origin: string) => Promise<void>;
  readonly parseAddEthereumChain: (value: unknown) => WalletNetwork;
  /**
   * The spending policy: decides before every transaction and signature and reserves the spend
   * (background/policy/wiring/createDappPolicy.ts). Absent only where the request handling is
   * tested alone: then every spending request asks, as with "Ask every time".
   */
  readonly policy?: DappPolicy;
};

/** The ERC-7715 permission types TP Wallet grants (it enforces them itself, for any chain). */
const supportedExecutionPermissions = {
  'native-token-allowance': { ruleTypes: ['expiry', 'payee'] },
  'erc20-token-allowance': { ruleTypes: ['expiry', 'payee'] },
  'native-token-periodic': { ruleTypes: ['expiry', 'payee'] },
  'erc20-token-periodic': { ruleTypes: ['expiry', 'payee'] },
} as const;

/** Read-only methods passed to the chain as they are. */
export const readOnlyMethods: ReadonlySet<string> = new Set([
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_getBalance',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getCode',
  'eth_getLogs',
  'eth_getStorageAt',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
  'eth_maxPriorityFeePerGas',
]);

const gasMarginPercent = 120n;
/** A node's refusal of a nonce ahead of its count for the sender (Hardhat automine, some nodes). */
const nonceTooHighPattern = /nonce too high/i;

function isNonceTooHighRefusal(error: unknown): boolean {
  return (
    error instanceof TpError &&
    typeof error.details.rpcMessage === 'string' &&
    nonceTooHighPattern.test(error.details.rpcMessage)
  );
}
/** Read-only calls go to public RPC endpoints: keep what a page can make us forward bounded. */
const maxReadOnlyParamsLength = 256 * 1024;

export class DappRequestHandler {
  readonly #deps: DappRequestHandlerParameters;
  readonly #broadcastOrder = createBroadcastOrder({ isTooEarly: isNonceTooHighRefusal });
  /** Per chain and sender: the end of the queue of transactions being signed and sent. */
  readonly #sendQueues = new Map<string, Promise<unknown>>();

  constructor(deps: DappRequestHandlerParameters) {
    this.#deps = deps;
  }

  async handle(
    request: RpcRequest,
    origin: string,
    context: WalletRequestContext = {},
  ): Promise<unknown> {
    const { method } = request;
    const params = request.params ?? [];
    switch (method) {
      case 'eth_chainId':
        return numberToHex((await this.#deps.networks.active()).chainId);
      case 'net_version':
        return String((await this.#deps.networks.active()).chainId);
      case 'eth_accounts':
        return this.#connectedAccounts(origin);
      case 'eth_requestAccounts':
        return this.#requestAccounts(origin);
      case 'wallet_requestPermissions':
        return this.#requestPermissions(origin, params);
      case 'wallet_getPermissions':
        return [
          ...toEip2255Permissions(origin, await this.#deps.permissions.get(origin)),
          ...((await this.#deps.policy?.permissionEntries(origin)) ?? []),
        ];
      case 'wallet_revokePermissions':
        return this.#revokePermissions(origin, params);
      case 'wallet_requestExecutionPermissions':
      case 'wallet_grantPermissions':
        return this.#requestExecutionPermissions(origin, method, params);
      case 'wallet_getGrantedExecutionPermissions':
        return (await this.#deps.policy?.grantedPermissions(origin)) ?? [];
      case 'wallet_getSupportedExecutionPermissions': {
        const chainIds = (await this.#deps.networks.list()).map((network) =>
          numberToHex(network.chainId),
        );
        return Object.fromEntries(
          Object.entries(supportedExecutionPermissions).map(([type, { ruleTypes }]) => [
            type,
            { chainIds, ruleTypes },
          ]),
        );
      }
      case 'wallet_revokeExecutionPermission':
        return this.#revokeExecutionPermission(origin, params);
      case 'wallet_switchEthereumChain':
        return this.#switchChain(origin, params);
      case 'wallet_addEthereumChain':
        return this.#addChain(origin, params);
      case 'eth_sendTransaction':
        return this.#sendTransaction(origin, params, context.renewal);
      case 'personal_sign':
        return this.#personalSign(origin, params);
      case 'eth_signTypedData_v4':
        return this.#signTypedData(origin, params);
      case 'wallet_watchAsset':
        return this.#watchAsset(origin, params);
      default:
        if (readOnlyMethods.has(method)) {
          if (!Array.isArray(params))
            throw invalidParam('params', `${method} expects an array of parameters.`);
          if (jsonLength(params) > maxReadOnlyParamsLength) {
            throw invalidParam(
              'params',
              `The parameters of ${method} must be JSON of at most ${maxReadOnlyParamsLength} characters.`,
            );
          }
          const network = await this.#deps.networks.active();
          return this.#deps.chainFor(network).request(method, params);
        }
        throw new ProviderRpcError(
          'unsupportedMethod',
          `The method "${method}" is not supported.`,
          { method },
        );
    }
  }

  /** The accounts this site may see right now: none while locked or not connected. */
  async #connectedAccounts(origin: string): Promise<Address[]> {
    const permission = await this.#deps.permissions.get(origin);
    if (permission === undefined || !(await this.#deps.wallet.isUnlocked())) return [];
    const visible = new Set(
      (await this.#deps.wallet.visibleAccounts()).map((account) => account.address),
    );
    return permission.accounts.filter((account) => visible.has(account));
  }

  async #ensureUnlocked(origin: string): Promise<void> {
    if (!(await this.#deps.wallet.isUnlocked())) await this.#deps.requestUnlock(origin);
  }

  async #requestAccounts(origin: string): Promise<Address[]> {
    await this.#ensureUnlocked(origin);
    const connected = await this.#connectedAccounts(origin);
    if (connected.length > 0) return connected;
    return this.#connect(origin);
  }

  async #connect(origin: string): Promise<Address[]> {
    const accounts = await this.#deps.wallet.visibleAccounts();
    const decision = await this.#deps.approvals.ask({
      origin,
      isSiteConnected: (await this.#deps.permissions.get(origin)) !== undefined,
      details: { kind: 'connect', accounts },
    });
    const offered = new Set(accounts.map((account) => account.address));
    const chosen = (decision.accounts ?? []).filter((address) => offered.has(address));
    if (chosen.length === 0) throw new ProviderRpcError('userRejected', 'No account was chosen.');
    await this.#deps.permissions.grant(origin, chosen, this.#deps.now());
    this.#deps.events.toOrigin(origin, 'accountsChanged', chosen);
    return chosen;
  }

  async #requestPermissions(origin: string, params: unknown): Promise<unknown> {
    const [requested] = readParamsArray(params, 1, 'wallet_requestPermissions');
    if (
      typeof requested !== 'object' ||
      requested === null ||
      Object.keys(requested).join() !== 'eth_accounts'
    ) {
      throw invalidParam('params[0]', 'Only the eth_accounts permission can be requested.');
    }
    await this.#ensureUnlocked(origin);
    await this.#connect(origin);
    return toEip2255Permissions(origin, await this.#deps.permissions.get(origin));
  }

  async #revokePermissions(origin: string, params: unknown): Promise<null> {
    const [requested] = readParamsArray(params, 1, 'wallet_revokePermissions');
    const keys = typeof requested === 'object' && requested !== null ? Object.keys(requested) : [];
    const isKnown = (key: string) =>
      key === 'eth_accounts' || key === 'wallet_requestExecutionPermissions';
    if (keys.length === 0 || !keys.every(isKnown)) {
      throw invalidParam(
        'params[0]',
        'Only eth_accounts and wallet_requestExecutionPermissions (with its "context") can be revoked.',
      );
    }
    const execution = (requested as Record<string, unknown>).wallet_requestExecutionPermissions;
    if (execution !== undefined) {
      const policy = this.#requirePolicy();
      const context =
        typeof execution === 'object' && execution !== null && 'context' in execution
          ? execution.context
          : undefined;
      if (context === undefined) {
        for (const grant of await policy.permissionEntries(origin))
          await policy.revokePermission(origin, grant.id, 'params[0]');
      } else {
        await policy.revokePermission(
          origin,
          context,
          'params[0].wallet_requestExecutionPermissions.context',
        );
      }
    }
    if (keys.includes('eth_accounts')) {
      await this.#deps.permissions.revoke(origin);
      this.#deps.events.toOrigin(origin, 'accountsChanged', []);
    }
    return null;
  }

  /** ERC-7715: `{ permissionContext }` (or `[{ … }]`) revokes one grant. */
  async #revokeExecutionPermission(
    origin: string,
    params: unknown,
  ): Promise<Record<string, never>> {
    const request = Array.isArray(params) ? (params as unknown[])[0] : params;
    const context = (request as { permissionContext?: unknown } | null)?.permissionContext;
    await this.#requirePolicy().revokePermission(origin, context, 'permissionContext');
    return {};
  }

  async #requestExecutionPermissions(
    origin: string,
    method: 'wallet_requestExecutionPermissions' | 'wallet_grantPermissions',
    params: unknown,
  ): Promise<unknown[]> {
    const policy = this.#requirePolicy();
    await this.#ensureUnlocked(origin);
    let accounts = await this.#connectedAccounts(origin);
    if (accounts.length === 0) accounts = await this.#connect(origin);
    return policy.requestPermissions({
      origin,
      method,
      params,
      accounts,
      findNetwork: (chainId) => this.#deps.networks.find(chainId),
      ask: (details) => this.#deps.approvals.ask({ origin, isSiteConnected: true, details }),
    });
  }

  #requirePolicy(): DappPolicy {
    const policy = this.#deps.policy;
    if (policy === undefined)
      throw new ProviderRpcError('unsupportedMethod', 'Spending permissions are not available.');
    return policy;
  }

  async #requireAccount(origin: string, value: unknown, param: string): Promise<Address> {
    const address = readAddress(value, param);
    await this.#ensureUnlocked(origin);
    const connected = await this.#connectedAccounts(origin);
    if (!connected.includes(address)) {
      throw new ProviderRpcError(
        'unauthorized',
        `The account ${address} is not connected to this site.`,
        { param },
      );
    }
    return address;
  }

  async #switchChain(origin: string, params: unknown): Promise<null> {
    const [target] = readParamsArray(params, 1, 'wallet_switchEthereumChain');
    const chainId = readChainIdHex((target as { chainId?: unknown } | null)?.chainId, 'chainId');
    const active = await this.#deps.networks.active();
    if (active.chainId === chainId) return null;
    const network = await this.#deps.networks.find(chainId);
    if (network === undefined) {
      throw new ProviderRpcError(
        'unrecognizedChain',
        `Unrecognized chain ${numberToHex(chainId)}: add it first.`,
        {
          chainId: numberToHex(chainId),
        },
      );
    }
    await this.#deps.approvals.ask({
      origin,
      isSiteConnected: (await this.#deps.permissions.get(origin)) !== undefined,
      details: { kind: 'switch-chain', chainId, chainName: network.name },
    });
    await this.#activate(chainId);
    return null;
  }

  async #activate(chainId: number): Promise<void> {
    await this.#deps.networks.setActive(chainId);
    this.#deps.events.toAll('chainChanged', numberToHex(chainId));
  }

  async #addChain(origin: string, params: unknown): Promise<null> {
    const [parameter] = readParamsArray(params, 1, 'wallet_addEthereumChain');
    const network = this.#deps.parseAddEthereumChain(parameter);
    const rpcUrl = network.rpcUrls[0] ?? '';
    const existing = await this.#deps.networks.find(network.chainId);
    if (existing === undefined) {
      const chain = this.#deps.chainFor(network);
      await chain.verifyChainId(rpcUrl, network.chainId);
      await this.#deps.approvals.ask({
        origin,
        isSiteConnected: (await this.#deps.permissions.get(origin)) !== undefined,
        details: {
          kind: 'add-chain',
          chainId: network.chainId,
          chainName: network.name,
          rpcUrl,
          nativeSymbol: network.nativeSymbol,
          ...(network.blockExplorerUrl === undefined
            ? {}
            : { blockExplorerUrl: network.blockExplorerUrl }),
        },
      });
      await this.#deps.networks.add(network);
    }
    // EIP-3085: adding a chain also offers to switch to it.
    if ((await this.#deps.networks.active()).chainId !== network.chainId) {
      await this.#switchChain(origin, [{ chainId: numberToHex(network.chainId) }]);
    }
    return null;
  }

  async #sendTransaction(
    origin: string,
    params: unknown,
    renewal?: SubscriptionRenewalView,
  ): Promise<Hex> {
    const [raw] = readParamsArray(params, 1, 'eth_sendTransaction');
    if (typeof raw !== 'object' || raw === null)
      throw invalidParam('params[0]', 'Expected a transaction object.');
    const fields = raw as Record<string, unknown>;
    const from = await this.#requireAccount(origin, fields.from, 'from');
    const network = await this.#deps.networks.active();
    if (
      fields.chainId !== undefined &&
      readChainIdHex(fields.chainId, 'chainId') !== network.chainId
    ) {
      throw invalidParam(
        'chainId',
        `The transaction's chainId does not match the active chain (${numberToHex(network.chainId)}).`,
      );
    }
    const to =
      fields.to === undefined || fields.to === null ? undefined : readAddress(fields.to, 'to');
    const value = fields.value === undefined ? 0n : readQuantity(fields.value, 'value');
    const dataField = fields.data ?? fields.input;
    const data = dataField === undefined ? undefined : readData(dataField, 'data');
    if (to === undefined && (data === undefined || data === '0x')) {
      throw invalidParam('to', 'A transaction needs "to", or "data" to deploy a contract.');
    }
    const chain = this.#deps.chainFor(network);
    const gas =
      fields.gas !== undefined
        ? readQuantity(fields.gas, 'gas')
        : ((await chain.estimateGas({
            from,
            ...(to ? { to } : {}),
            value,
            ...(data ? { data } : {}),
          })) *
            gasMarginPercent) /
          100n;
    if (gas === 0n) throw invalidParam('gas', 'Expected "gas" to be greater than 0.');
    const fees = await chain.estimateFees();
    const maxFeePerGas =
      fields.maxFeePerGas !== undefined
        ? readQuantity(fields.maxFeePerGas, 'maxFeePerGas')
        : fees.maxFeePerGas;
    const maxPriorityFeePerGas =
      fields.maxPriorityFeePerGas !== undefined
        ? readQuantity(fields.maxPriorityFeePerGas, 'maxPriorityFeePerGas')
        : fees.maxPriorityFeePerGas < maxFeePerGas
          ? fees.maxPriorityFeePerGas
          : maxFeePerGas;
    if (maxPriorityFeePerGas > maxFeePerGas)
      throw invalidParam('maxPriorityFeePerGas', 'maxPriorityFeePerGas exceeds maxFeePerGas.');
    // A nonce the site sets replaces (or speeds up) a transaction it sent before.
    const explicitNonce =
      fields.nonce === undefined ? undefined : readNonceParam(fields.nonce, 'nonce');

    const action = describeTransaction({
      transaction: { ...(to ? { to } : {}), value, ...(data ? { data } : {}) },
      knownTokens: network.tokens,
    });
    const details = {
      kind: 'send-transaction',
      from,
      chainId: network.chainId,
      networkName: network.name,
      action,
      transaction: {
        ...(to ? { to } : {}),
        value: value.toString(),
        ...(data ? { data } : {}),
        gas: gas.toString(),
        maxFeePerGas: maxFeePerGas.toString(),
        maxPriorityFeePerGas: maxPriorityFeePerGas.toString(),
      },
      maxFee: (gas * maxFeePerGas).toString(),
      nativeSymbol: network.nativeSymbol,
      ...(renewal === undefined ? {} : { renewal }),
    } as const;
    const policy = this.#deps.policy;
    let authorization: SpendingAuthorization | undefined;
    if (policy === undefined) {
      await this.#deps.approvals.ask({ origin, isSiteConnected: true, details });
    } else {
      authorization = await policy.authorize({
        origin,
        method: 'eth_sendTransaction',
        from,
        network,
        input: {
          kind: 'transaction',
          transaction: { ...(to ? { to } : {}), value, ...(data ? { data } : {}) },
          maxNetworkFee: gas * maxFeePerGas,
          action,
        },
        ask: (prompt) =>
          this.#deps.approvals.ask({
            origin,
            isSiteConnected: true,
            details: { ...details, policy: prompt },
          }),
      });
    }
    const signedData = authorization?.data ?? data;
    let nonce: number;
    let signed: Hex;
    try {
      nonce = explicitNonce ?? (await chain.reserveNonce(from));
    } catch (error) {
      await authorization?.fail(error);
      throw error;
    }
    // One sender's transactions leave in nonce order, each as soon as the one below has left
    // (createBroadcastOrder); signing runs meanwhile.
    const slot = this.#broadcastOrder.enter(`${network.chainId}:${from.toLowerCase()}`, nonce);
    try {
      signed = await this.#deps.wallet.signTransaction(from, {
        chainId: network.chainId,
        nonce,
        ...(to ? { to } : {}),
        value,
        ...(signedData ? { data: signedData } : {}),
        gas,
        maxFeePerGas,
        maxPriorityFeePerGas,
      });
      // Recorded before it leaves: a restart from here on finds the transaction to follow.
      await authorization?.attach({ hash: keccak256(signed), nonce });
    } catch (error) {
      slot.cancel();
      if (explicitNonce === undefined) chain.releaseNonce(from, nonce);
      await authorization?.fail(error);
      throw error;
    }
    let hash: Hex;
    try {
      hash = await slot.broadcast(() => chain.sendRawTransaction(signed));
    } catch (error) {
      if (explicitNonce === undefined) chain.releaseNonce(from, nonce);
      await authorization?.broadcastFailed(keccak256(signed), error);
      throw error;
    }
    await authorization?.sent(hash);
    return hash;
  }

  /** Runs `send` after every earlier send of the same sender on the same chain has finished. */
  #inSendOrder<Result>(
    chainId: number,
    from: Address,
    send: () => Promise<Result>,
  ): Promise<Result> {
    const key = `${chainId}:${from.toLowerCase()}`;
    const previous = this.#sendQueues.get(key) ?? Promise.resolve();
    const next = previous.then(send);
    const settled = next.catch(() => undefined);
    this.#sendQueues.set(key, settled);
    void settled.then(() => {
      if (this.#sendQueues.get(key) === settled) this.#sendQueues.delete(key);
    });
    return next;
  }

  async #personalSign(origin: string, params: unknown): Promise<Hex> {
    const [message, account] = readParamsArray(params, 2, 'personal_sign');
    const from = await this.#requireAccount(origin, account, 'params[1]');
    if (typeof message !== 'string')
      throw invalidParam('params[0]', 'Expected the message as hex bytes or text.');
    // The signer's own reading (size, odd hex, lone surrogates), before the user is asked.
    let hex: Hex;
    try {
      hex = parsePersonalMessage({ message }).raw;
    } catch (error) {
      throw invalidParam('params[0]', (error as TpError).shortMessage);
    }
    const text = printableText(hex);
    const details = {
      kind: 'sign-message',
      from,
      hex,
      ...(text === undefined ? {} : { text }),
    } as const;
    return this.#sign({
      origin,
      method: 'personal_sign',
      from,
      input: { kind: 'message' },
      details,
      sign: () => this.#deps.wallet.signPersonalMessage(from, hex),
    });
  }

  /** A signature request: the policy decides (and reserves a permit's spend), then the key signs. */
  async #sign({
    origin,
    method,
    from,
    input,
    details,
    sign,
  }: {
    origin: string;
    method: string;
    from: Address;
    input: { kind: 'message' } | { kind: 'typed-data'; typedData: unknown };
    details:
      | Extract<ApprovalDetails, { kind: 'sign-message' }>
      | Extract<ApprovalDetails, { kind: 'sign-typed-data' }>;
    sign: () => Promise<Hex>;
  }): Promise<Hex> {
    const policy = this.#deps.policy;
    if (policy === undefined) {
      await this.#deps.approvals.ask({ origin, isSiteConnected: true, details });
      return sign();
    }
    const authorization = await policy.authorize({
      origin,
      method,
      from,
      network: await this.#deps.networks.active(),
      input,
      ask: (prompt) =>
        this.#deps.approvals.ask({
          origin,
          isSiteConnected: true,
          details: { ...details, policy: prompt },
        }),
    });
    let signature: Hex;
    try {
      signature = await sign();
    } catch (error) {
      await authorization.fail(error);
      throw error;
    }
    await authorization.signed();
    return signature;
  }

  async #signTypedData(origin: string, params: unknown): Promise<Hex> {
    const [account, typedDataParam] = readParamsArray(params, 2, 'eth_signTypedData_v4');
    const from = await this.#requireAccount(origin, account, 'params[0]');
    let typedData: unknown = typedDataParam;
    if (typeof typedDataParam === 'string') {
      if (typedDataParam.length > 256 * 1024)
        throw invalidParam('params[1]', 'The typed data is too large.');
      try {
        typedData = JSON.parse(typedDataParam);
      } catch {
        throw invalidParam('params[1]', 'The typed data is not valid JSON.');
      }
    }
    try {
      // Strict EIP-712 shape before anything is shown: what the user sees is what gets signed.
      parseTypedData({ typedData });
    } catch (error) {
      const field = (error as { details?: { field?: unknown } }).details?.field;
      throw invalidParam(
        typeof field === 'string' ? field : 'params[1]',
        (error as TpError).shortMessage,
      );
    }
    const network = await this.#deps.networks.active();
    const domainChainId = (typedData as { domain?: { chainId?: unknown } } | null)?.domain?.chainId;
    if (domainChainId !== undefined) {
      const chainId = readTypedDataChainId(domainChainId);
      if (chainId !== network.chainId) {
        throw invalidParam(
          'domain.chainId',
          `The typed data is for chain ${chainId}, not the active chain ${network.chainId}.`,
        );
      }
    }
    const view = describeTypedData({ typedData, knownTokens: network.tokens });
    return this.#sign({
      origin,
      method: 'eth_signTypedData_v4',
      from,
      input: { kind: 'typed-data', typedData },
      details: {
        kind: 'sign-typed-data',
        from,
        chainId: network.chainId,
        view,
        json: JSON.stringify(typedData, null, 2),
      },
      sign: () => this.#deps.wallet.signTypedData(from, typedData, network.chainId),
    });
  }

  async #watchAsset(origin: string, params: unknown): Promise<boolean> {
    const { type, options } = (
      typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {}
    ) as Record<string, unknown>;
    if (type !== 'ERC20') throw invalidParam('type', 'Only ERC20 assets can be watched.');
    const { address, symbol, decimals } = (
      typeof options === 'object' && options !== null ? options : {}
    ) as Record<string, unknown>;
    const tokenAddress = readAddress(address, 'options.address');
    if (typeof symbol !== 'string' || !/^[\p{L}\p{N}.$_-]{1,11}$/u.test(symbol)) {
      throw invalidParam('options.symbol', 'Expected a token symbol of 1 to 11 characters.');
    }
    if (
      typeof decimals !== 'number' ||
      !Number.isInteger(decimals) ||
      decimals < 0 ||
      decimals > 36
    ) {
      throw invalidParam('options.decimals', 'Expected decimals between 0 and 36.');
    }
    const network = await this.#deps.networks.active();
    await this.#deps.approvals.ask({
      origin,
      isSiteConnected: (await this.#deps.permissions.get(origin)) !== undefined,
      details: {
        kind: 'watch-asset',
        address: tokenAddress,
        symbol,
        decimals,
        chainId: network.chainId,
      },
    });
    const alreadyKnown = network.tokens.some((token) => token.address === tokenAddress);
    if (!alreadyKnown) {
      await this.#deps.networks.add({
        ...network,
        tokens: [...network.tokens, { address: tokenAddress, symbol, name: symbol, decimals }],
      });
    }
    return true;
  }
}

/** A site-set nonce: a quantity that fits a safe integer. */
function readNonceParam(value: unknown, param: string): number {
  const nonce = readQuantity(value, param);
  if (nonce > BigInt(Number.MAX_SAFE_INTEGER))
    throw invalidParam(param, `Expected "${param}" to be a nonce below 2^53.`);
  return Number(nonce);
}

/** Length of `value` as JSON, or Infinity when it is not JSON (bigint, cycles…). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** EIP-712 domains carry chainId as a number, a decimal string or a hex string. */
function readTypedDataChainId(value: unknown): number {
  const isNumeric =
    (typeof value === 'number' && Number.isSafeInteger(value)) ||
    (typeof value === 'string' && /^(0x[0-9a-fA-F]{1,14}|[0-9]{1,16})$/.test(value));
  if (!isNumeric) throw invalidParam('domain.chainId', 'Expected domain.chainId to be a chain id.');
  return Number(BigInt(value));
}

/** The message as text when it is printable UTF-8, so the user reads what they sign. */
function printableText(hex: Hex): string | undefined {
  try {
    const text = hexToString(hex);
    return /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]*$/u.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

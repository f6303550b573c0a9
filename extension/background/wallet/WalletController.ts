/**
 * The wallet's session: the vault at rest, the keyring while unlocked, the unlock counter and the
 * auto-lock setting. Trusted: the browser's storage areas and clock passed in. Not trusted: every
 * parameter (it comes from a UI message). Key material lives only in this object's memory and,
 * while unlocked, as the vault key in the session area (memory only), so a worker restart can
 * resume without asking for the password; locking clears both.
 */
import { hexToBytes, bytesToHex } from 'viem';
import type { Address, Hex } from 'viem';
import { addAccount } from '../keyring/addAccount.ts';
import { createKeyring } from '../keyring/createKeyring.ts';
import { createMnemonic } from '../keyring/createMnemonic.ts';
import { hideAccount } from '../keyring/hideAccount.ts';
import { importMnemonic } from '../keyring/importMnemonic.ts';
import { importPrivateKey } from '../keyring/importPrivateKey.ts';
import type { KeyringAccount, KeyringState } from '../keyring/KeyringState.ts';
import { findAccount } from '../keyring/findAccount.ts';
import { listAccounts } from '../keyring/listAccounts.ts';
import { parseKeyring } from '../keyring/parseKeyring.ts';
import { renameAccount } from '../keyring/renameAccount.ts';
import { serializeKeyring } from '../keyring/serializeKeyring.ts';
import { signPersonalMessage } from '../keyring/signPersonalMessage.ts';
import { signTransaction } from '../keyring/signTransaction.ts';
import type { SignTransactionParameters } from '../keyring/signTransaction.ts';
import { signTypedDataV4 } from '../keyring/signTypedDataV4.ts';
import { changeVaultPassword } from '../vault/changeVaultPassword.ts';
import { createVault } from '../vault/createVault.ts';
import { decideUnlockAttempt } from '../vault/decideUnlockAttempt.ts';
import type { UnlockAttempts } from '../vault/decideUnlockAttempt.ts';
import { decryptVault } from '../vault/decryptVault.ts';
import { encryptVault } from '../vault/encryptVault.ts';
import { needsUpgrade } from '../vault/needsUpgrade.ts';
import { parseVault } from '../vault/parseVault.ts';
import { unlockVault } from '../vault/unlockVault.ts';
import type { UnlockVaultReturnType } from '../vault/unlockVault.ts';
import { defaultScryptParams, defaultVaultKdfLimits } from '../vault/Vault.ts';
import type { ScryptParams, VaultKdfLimits, VaultKey } from '../vault/Vault.ts';
import {
  autoLockMinutesRange,
  defaultWalletStorageKey,
  phraseLanguages,
} from '../../../shared/protocol/walletUiMessages.ts';
import type {
  AccountView,
  BalanceView,
  PhraseLanguage,
  WalletLockState,
  WalletStatus,
} from '../../../shared/protocol/walletUiMessages.ts';
import type { StorageArea } from './StorageArea.ts';
import { WalletError } from './WalletError.ts';

export type WalletNetwork = WalletStatus['network'];

export type WalletControllerParameters = {
  readonly local: StorageArea;
  readonly session: StorageArea;
  readonly now: () => number;
  readonly network: () => Promise<WalletNetwork>;
  readonly readBalances: (address: Address, network: WalletNetwork) => Promise<BalanceView[]>;
  /** KDF parameters for new vaults and the bounds accepted on read (tests use cheap ones). */
  readonly kdf?: { readonly params: ScryptParams; readonly limits: VaultKdfLimits };
  /** Called after every lock / unlock, e.g. to schedule auto-lock or tell connected sites. */
  readonly onLockStateChange?: (lockState: WalletLockState) => void;
};

type StoredSessionKey = { kdf: VaultKey['kdf']; key: string };
type Unlocked = { keyring: KeyringState; vaultKey: VaultKey };

const keys = {
  vault: 'vault',
  attempts: 'unlockAttempts',
  settings: 'settings',
  sessionKey: 'vaultKey',
} as const;
const noAttempts: UnlockAttempts = { failedAttempts: 0, lastFailureAt: null };

export class WalletController {
  readonly #deps: WalletControllerParameters;
  readonly #kdf: { readonly params: ScryptParams; readonly limits: VaultKdfLimits };
  #unlocked: Unlocked | undefined;
  #restored: Promise<void> | undefined;
  /** Serializes every action, so concurrent messages cannot interleave reads and writes. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: WalletControllerParameters) {
    this.#deps = deps;
    this.#kdf = deps.kdf ?? { params: defaultScryptParams, limits: defaultVaultKdfLimits };
  }

  status(): Promise<WalletStatus> {
    return this.#run(async () => {
      const stored = await this.#deps.local.get([
        keys.vault,
        keys.attempts,
        keys.settings,
        defaultWalletStorageKey,
      ]);
      const attempts = readAttempts(stored[keys.attempts]);
      const decision = decideUnlockAttempt({ attempts, now: this.#deps.now() });
      return {
        lockState:
          stored[keys.vault] === undefined
            ? 'uninitialized'
            : this.#unlocked
              ? 'unlocked'
              : 'locked',
        autoLockMinutes: readAutoLockMinutes(stored[keys.settings]),
        isDefaultWallet: stored[defaultWalletStorageKey] === true,
        failedUnlockAttempts: attempts.failedAttempts,
        retryAfterMs: decision.allowed ? 0 : decision.retryAfterMs,
        network: await this.#deps.network(),
      };
    });
  }

  /** True while unlocked; used by the worker to gate site requests. */
  isUnlocked(): Promise<boolean> {
    return this.#run(() => Promise.resolve(this.#unlocked !== undefined));
  }

  generatePhrase({
    wordCount,
    language,
  }: {
    wordCount: unknown;
    language: unknown;
  }): Promise<{ phrase: string }> {
    if (wordCount !== 12 && wordCount !== 24) throw invalid('wordCount', 'Choose 12 or 24 words.');
    const checkedLanguage = readLanguage(language);
    return Promise.resolve({
      phrase: createMnemonic({ wordCount, language: checkedLanguage }).phrase,
    });
  }

  createWallet(params: {
    phrase: unknown;
    language: unknown;
    password: unknown;
  }): Promise<{ accounts: AccountView[] }> {
    return this.#run(async () => {
      const phrase = readString(params.phrase, 'phrase', 1_000);
      const password = readString(params.password, 'password', 1_000);
      const language = readLanguage(params.language);
      const existing = await this.#deps.local.get([keys.vault]);
      if (existing[keys.vault] !== undefined) {
        throw new WalletError(
          'wallet/already-initialized',
          'A wallet already exists in this browser profile.',
        );
      }
      const keyring = await createKeyring({ mnemonic: importMnemonic({ phrase, language }) });
      const { vault, vaultKey } = await createVault({
        password,
        plaintext: encodeKeyring(keyring),
        params: this.#kdf.params,
        limits: this.#kdf.limits,
      });
      await this.#deps.local.set({ [keys.vault]: vault, [keys.attempts]: noAttempts });
      await this.#becomeUnlocked({ keyring, vaultKey });
      return { accounts: listAccounts({ state: keyring }).map(toAccountView) };
    });
  }

  unlock(params: { password: unknown }): Promise<{ accounts: AccountView[] }> {
    return this.#run(async () => {
      const password = readString(params.password, 'password', 1_000);
      const checked = await this.#checkPassword(password);
      const { plaintext } = checked;
      const keyring = await parseKeyring(new TextDecoder().decode(plaintext));
      let { vaultKey } = checked;
      if (needsUpgrade(checked.vault, this.#kdf.params)) {
        // Raise the KDF to today's parameters while we hold the password.
        const upgraded = await createVault({
          password,
          plaintext,
          params: this.#kdf.params,
          limits: this.#kdf.limits,
        });
        await this.#deps.local.set({ [keys.vault]: upgraded.vault });
        vaultKey = upgraded.vaultKey;
      }
      plaintext.fill(0);
      await this.#becomeUnlocked({ keyring, vaultKey });
      return { accounts: listAccounts({ state: keyring }).map(toAccountView) };
    });
  }

  lock(): Promise<null> {
    return this.#run(async () => {
      await this.#lockNow();
      return null;
    });
  }

  listAccounts({
    includeHidden,
  }: {
    includeHidden?: unknown;
  }): Promise<{ accounts: AccountView[] }> {
    return this.#run(() => {
      const { keyring } = this.#requireUnlocked();
      return Promise.resolve({
        accounts: listAccounts({ state: keyring, includeHidden: includeHidden === true }).map(
          toAccountView,
        ),
      });
    });
  }

  /** The addresses sites may see once connected (visible accounts, in order). */
  visibleAddresses(): Promise<Address[]> {
    return this.#run(() =>
      Promise.resolve(
        this.#unlocked
          ? listAccounts({ state: this.#unlocked.keyring }).map((account) => account.address)
          : [],
      ),
    );
  }

  /** The accounts a site may be offered (visible ones, in order); empty while locked. */
  visibleAccounts(): Promise<AccountView[]> {
    return this.#run(() =>
      Promise.resolve(
        this.#unlocked ? listAccounts({ state: this.#unlocked.keyring }).map(toAccountView) : [],
      ),
    );
  }

  /** "Sign this": the key is used inside the keyring; it never leaves. */
  signTransaction(
    address: Address,
    transaction: SignTransactionParameters['transaction'],
  ): Promise<Hex> {
    return this.#run(() =>
      signTransaction({ state: this.#requireUnlocked().keyring, address, transaction }),
    );
  }

  signPersonalMessage(address: Address, message: Hex): Promise<Hex> {
    return this.#run(() =>
      signPersonalMessage({ state: this.#requireUnlocked().keyring, address, message }),
    );
  }

  signTypedData(address: Address, typedData: unknown, activeChainId: number): Promise<Hex> {
    return this.#run(() =>
      signTypedDataV4({
        state: this.#requireUnlocked().keyring,
        address,
        typedData,
        activeChainId,
      }),
    );
  }

  addAccount({ name }: { name?: unknown }): Promise<{ account: AccountView }> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const result = await addAccount({
        state: keyring,
        ...(name === undefined ? {} : { name: readString(name, 'name', 200) }),
      });
      await this.#saveKeyring(result.state);
      return { account: toAccountView(result.account) };
    });
  }

  renameAccount(params: { address: unknown; name: unknown }): Promise<{ account: AccountView }> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const address = readString(params.address, 'address', 100);
      const state = renameAccount({
        state: keyring,
        address,
        name: readString(params.name, 'name', 200),
      });
      await this.#saveKeyring(state);
      return { account: toAccountView(findAccount(state, address).account) };
    });
  }

  hideAccount(params: { address: unknown; isHidden: unknown }): Promise<{ account: AccountView }> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const address = readString(params.address, 'address', 100);
      if (typeof params.isHidden !== 'boolean')
        throw invalid('isHidden', 'Expected true or false.');
      const state = hideAccount({ state: keyring, address, isHidden: params.isHidden });
      await this.#saveKeyring(state);
      return { account: toAccountView(findAccount(state, address).account) };
    });
  }

  importPrivateKey(params: {
    privateKey: unknown;
    name?: unknown;
  }): Promise<{ account: AccountView }> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const result = importPrivateKey({
        state: keyring,
        privateKey: readString(params.privateKey, 'privateKey', 200),
        ...(params.name === undefined ? {} : { name: readString(params.name, 'name', 200) }),
      });
      await this.#saveKeyring(result.state);
      return { account: toAccountView(result.account) };
    });
  }

  getBalances(params: { address: unknown }): Promise<{ balances: BalanceView[] }> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const { account } = findAccount(keyring, readString(params.address, 'address', 100));
      return {
        balances: await this.#deps.readBalances(account.address, await this.#deps.network()),
      };
    });
  }

  revealPhrase(params: {
    password: unknown;
  }): Promise<{ phrase: string; language: PhraseLanguage }> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const { plaintext } = await this.#checkPassword(
        readString(params.password, 'password', 1_000),
      );
      plaintext.fill(0);
      return { phrase: keyring.mnemonic.phrase, language: keyring.mnemonic.language };
    });
  }

  /**
   * Step-up: checks the password for a spending request the policy wants confirmed with it.
   * Wrong passwords count towards the same lockout as unlocking.
   */
  verifyPassword(params: { password: unknown }): Promise<null> {
    return this.#run(async () => {
      this.#requireUnlocked();
      const { plaintext } = await this.#checkPassword(
        readString(params.password, 'password', 1_000),
      );
      plaintext.fill(0);
      return null;
    });
  }

  changePassword(params: { currentPassword: unknown; newPassword: unknown }): Promise<null> {
    return this.#run(async () => {
      const { keyring } = this.#requireUnlocked();
      const currentPassword = readString(params.currentPassword, 'currentPassword', 1_000);
      const newPassword = readString(params.newPassword, 'newPassword', 1_000);
      await this.#checkPassword(currentPassword);
      const stored = (await this.#deps.local.get([keys.vault]))[keys.vault];
      const { vault, vaultKey } = await changeVaultPassword({
        stored,
        oldPassword: currentPassword,
        newPassword,
        params: this.#kdf.params,
        limits: this.#kdf.limits,
      });
      await this.#deps.local.set({ [keys.vault]: vault });
      await this.#becomeUnlocked({ keyring, vaultKey });
      return null;
    });
  }

  setAutoLock(params: { minutes: unknown }): Promise<null> {
    return this.#run(async () => {
      const { minutes } = params;
      if (
        typeof minutes !== 'number' ||
        !Number.isInteger(minutes) ||
        minutes < autoLockMinutesRange.minimum ||
        minutes > autoLockMinutesRange.maximum
      ) {
        throw invalid(
          'minutes',
          `Auto-lock must be a whole number of minutes from ${autoLockMinutesRange.minimum} to ${autoLockMinutesRange.maximum}.`,
        );
      }
      await this.#deps.local.set({ [keys.settings]: { autoLockMinutes: minutes } });
      this.#deps.onLockStateChange?.(this.#unlocked ? 'unlocked' : 'locked');
      return null;
    });
  }

  setDefaultWallet(params: { isDefault: unknown }): Promise<null> {
    return this.#run(async () => {
      if (typeof params.isDefault !== 'boolean')
        throw invalid('isDefault', 'Expected true or false.');
      await this.#deps.local.set({ [defaultWalletStorageKey]: params.isDefault });
      return null;
    });
  }

  async autoLockMinutes(): Promise<number> {
    return readAutoLockMinutes((await this.#deps.local.get([keys.settings]))[keys.settings]);
  }

  /** Runs `action` after every earlier one, with the session restored from memory-only storage first. */
  #run<Result>(action: () => Promise<Result>): Promise<Result> {
    const next = this.#queue.then(async () => {
      this.#restored ??= this.#restoreSession();
      await this.#restored;
      return action();
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** After a worker restart: resume an unlocked session from the vault key in the session area. */
  async #restoreSession(): Promise<void> {
    const sessionKey = (await this.#deps.session.get([keys.sessionKey]))[keys.sessionKey] as
      StoredSessionKey | undefined;
    if (sessionKey === undefined) return;
    try {
      const vault = parseVault({
        input: (await this.#deps.local.get([keys.vault]))[keys.vault],
        limits: this.#kdf.limits,
      });
      if (vault.kdf.salt !== sessionKey.kdf.salt)
        throw new Error('the session key belongs to another vault');
      const key = hexToBytes(sessionKey.key as `0x${string}`);
      const plaintext = await decryptVault({ vault, key });
      const keyring = await parseKeyring(new TextDecoder().decode(plaintext));
      plaintext.fill(0);
      this.#unlocked = { keyring, vaultKey: { kdf: vault.kdf, key } };
    } catch {
      // A stale or foreign session key: stay locked and forget it.
      await this.#deps.session.remove([keys.sessionKey]);
    }
  }

  /** Verifies the password against the stored vault, counting failures (persisted) and lockouts. */
  async #checkPassword(password: string): Promise<UnlockVaultReturnType> {
    const stored = await this.#deps.local.get([keys.vault, keys.attempts]);
    if (stored[keys.vault] === undefined)
      throw new WalletError('wallet/uninitialized', 'There is no wallet yet.');
    const attempts = readAttempts(stored[keys.attempts]);
    const now = this.#deps.now();
    const decision = decideUnlockAttempt({ attempts, now });
    if (!decision.allowed) {
      throw new WalletError(
        'vault/locked-out',
        'Too many wrong passwords. Wait before trying again.',
        {
          retryAfterMs: decision.retryAfterMs,
        },
      );
    }
    // Count the attempt before the slow KDF runs, so killing the worker mid-try still counts it.
    await this.#deps.local.set({
      [keys.attempts]: {
        failedAttempts: attempts.failedAttempts + 1,
        lastFailureAt: now,
      } satisfies UnlockAttempts,
    });
    const result = await unlockVault({
      stored: stored[keys.vault],
      password,
      limits: this.#kdf.limits,
    });
    await this.#deps.local.set({ [keys.attempts]: noAttempts });
    return result;
  }

  async #becomeUnlocked(unlocked: Unlocked): Promise<void> {
    this.#unlocked = unlocked;
    const sessionKey: StoredSessionKey = {
      kdf: unlocked.vaultKey.kdf,
      key: bytesToHex(unlocked.vaultKey.key),
    };
    await this.#deps.session.set({ [keys.sessionKey]: sessionKey });
    this.#deps.onLockStateChange?.('unlocked');
  }

  async #lockNow(): Promise<void> {
    this.#unlocked?.vaultKey.key.fill(0);
    this.#unlocked = undefined;
    await this.#deps.session.remove([keys.sessionKey]);
    this.#deps.onLockStateChange?.('locked');
  }

  async #saveKeyring(keyring: KeyringState): Promise<void> {
    const { vaultKey } = this.#requireUnlocked();
    const plaintext = encodeKeyring(keyring);
    const vault = await encryptVault({ vaultKey, plaintext });
    plaintext.fill(0);
    await this.#deps.local.set({ [keys.vault]: vault });
    this.#unlocked = { keyring, vaultKey };
  }

  #requireUnlocked(): Unlocked {
    if (this.#unlocked === undefined)
      throw new WalletError('wallet/locked', 'The wallet is locked.');
    return this.#unlocked;
  }
}

function encodeKeyring(keyring: KeyringState): Uint8Array {
  return new TextEncoder().encode(serializeKeyring(keyring));
}

function toAccountView({ address, name, kind, index, isHidden }: KeyringAccount): AccountView {
  return { address, name, kind, index, isHidden };
}

function readAttempts(value: unknown): UnlockAttempts {
  if (typeof value !== 'object' || value === null) return noAttempts;
  const { failedAttempts, lastFailureAt } = value as Record<string, unknown>;
  const isValid =
    typeof failedAttempts === 'number' &&
    Number.isInteger(failedAttempts) &&
    failedAttempts >= 0 &&
    (lastFailureAt === null ||
      (typeof lastFailureAt === 'number' && Number.isFinite(lastFailureAt)));
  return isValid ? { failedAttempts, lastFailureAt } : noAttempts;
}

function readAutoLockMinutes(value: unknown): number {
  const minutes = (value as { autoLockMinutes?: unknown } | undefined)?.autoLockMinutes;
  return typeof minutes === 'number' && Number.isInteger(minutes)
    ? minutes
    : autoLockMinutesRange.default;
}

function readLanguage(value: unknown): PhraseLanguage {
  if (value === undefined) return 'en';
  if (!phraseLanguages.includes(value as PhraseLanguage)) {
    throw invalid(
      'language',
      `Unsupported phrase language. Choose one of: ${phraseLanguages.join(', ')}.`,
    );
  }
  return value as PhraseLanguage;
}

function readString(value: unknown, param: string, maximumLength: number): string {
  if (typeof value !== 'string' || value.length > maximumLength) {
    throw invalid(param, `Expected "${param}" to be text of at most ${maximumLength} characters.`);
  }
  return value;
}

function invalid(param: string, message: string): WalletError {
  return new WalletError('wallet/invalid-params', message, { param });
}

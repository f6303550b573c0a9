import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { ScryptParams, VaultKdfLimits } from '../vault/Vault.ts';
import { createMemoryStorageArea } from './StorageArea.ts';
import { WalletController } from './WalletController.ts';
import type { WalletControllerParameters } from './WalletController.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const hardhatAccounts = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
];
const password = 'correct horse battery';
const cheapParams: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const testLimits: VaultKdfLimits = {
  minimum: { N: 2 ** 10, r: 8, p: 1 },
  maximum: { N: 2 ** 19, r: 16, p: 4, memoryBytes: 512 * 1024 * 1024 },
};
const network = { chainId: 31337, name: 'dev', rpcUrl: 'http://127.0.0.1:1' };

function setUp(overrides: Partial<WalletControllerParameters> = {}) {
  const local = createMemoryStorageArea();
  const session = createMemoryStorageArea();
  let clock = 1_700_000_000_000;
  const lockStates: string[] = [];
  const deps: WalletControllerParameters = {
    local,
    session,
    now: () => clock,
    network: () => Promise.resolve(network),
    readBalances: (address: Address) =>
      Promise.resolve([{ symbol: 'ETH', decimals: 18, value: address.length.toString() }]),
    kdf: { params: cheapParams, limits: testLimits },
    onLockStateChange: (state) => lockStates.push(state),
    ...overrides,
  };
  return {
    local,
    session,
    deps,
    lockStates,
    advance: (ms: number) => {
      clock += ms;
    },
    wallet: new WalletController(deps),
    /** A new controller over the same storage: what a service-worker restart looks like. */
    restart: () => new WalletController(deps),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof TpError ? error.code : `untyped: ${String(error)}`;
  }
  return undefined;
}

describe('WalletController', () => {
  it('starts uninitialized, creates a wallet from the phrase and unlocks it', async () => {
    const { wallet, lockStates } = setUp();
    expect((await wallet.status()).lockState).toBe('uninitialized');
    const { accounts } = await wallet.createWallet({
      phrase: testMnemonic,
      language: 'en',
      password,
    });
    expect(accounts.map((account) => account.address)).toEqual([hardhatAccounts[0]]);
    expect((await wallet.status()).lockState).toBe('unlocked');
    expect(lockStates).toEqual(['unlocked']);
  });

  it('refuses a second wallet, a short password and a bad phrase, changing nothing', async () => {
    const { wallet, local } = setUp();
    expect(
      await codeOf(
        wallet.createWallet({ phrase: testMnemonic, language: 'en', password: 'short' }),
      ),
    ).toBe('vault/invalid-password');
    expect(
      await codeOf(wallet.createWallet({ phrase: 'test test nope', language: 'en', password })),
    ).toMatch(/^mnemonic\//);
    expect(
      await codeOf(wallet.createWallet({ phrase: testMnemonic, language: 'xx', password })),
    ).toBe('wallet/invalid-params');
    expect(local.items.size).toBe(0);
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    const vaultBefore = local.items.get('vault');
    expect(
      await codeOf(wallet.createWallet({ phrase: testMnemonic, language: 'en', password })),
    ).toBe('wallet/already-initialized');
    expect(local.items.get('vault')).toEqual(vaultBefore);
  });

  it('locks (clearing the session key) and unlocks with the password only', async () => {
    const { wallet, session } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    expect(session.items.has('vaultKey')).toBe(true);
    await wallet.lock();
    expect(session.items.has('vaultKey')).toBe(false);
    expect(await codeOf(wallet.listAccounts({}))).toBe('wallet/locked');
    expect(await codeOf(wallet.unlock({ password: 'wrong password' }))).toBe(
      'vault/wrong-password-or-tampered',
    );
    const { accounts } = await wallet.unlock({ password });
    expect(accounts[0]?.address).toBe(hardhatAccounts[0]);
  });

  it('survives a worker restart while unlocked, through the session area only', async () => {
    const { wallet, restart } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    await wallet.addAccount({ name: 'Savings' });
    const restarted = restart();
    expect((await restarted.status()).lockState).toBe('unlocked');
    expect((await restarted.listAccounts({})).accounts.map((account) => account.name)).toEqual([
      'Account 1',
      'Savings',
    ]);
  });

  it('is locked after a restart once the session area is gone (browser quit)', async () => {
    const { wallet, session, restart } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    session.items.clear();
    expect((await restart().status()).lockState).toBe('locked');
  });

  it('keeps account changes in the vault: add, rename, hide, import', async () => {
    const { wallet } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    const { account: second } = await wallet.addAccount({});
    expect(second.address).toBe(hardhatAccounts[1]);
    await wallet.renameAccount({ address: second.address, name: 'Shopping' });
    await wallet.hideAccount({ address: second.address, isHidden: true });
    const imported = await wallet.importPrivateKey({
      privateKey: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
      name: 'Imported',
    });
    expect(imported.account.address).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
    await wallet.lock();
    await wallet.unlock({ password });
    const { accounts } = await wallet.listAccounts({ includeHidden: true });
    expect(accounts.map((account) => [account.name, account.isHidden])).toEqual([
      ['Account 1', false],
      ['Shopping', true],
      ['Imported', false],
    ]);
    expect((await wallet.listAccounts({})).accounts).toHaveLength(2);
  });

  it('refuses duplicate imports and unknown accounts with typed errors', async () => {
    const { wallet } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    expect(
      await codeOf(
        wallet.importPrivateKey({
          privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
        }),
      ),
    ).toBe('keyring/duplicate-account');
    expect(
      await codeOf(
        wallet.renameAccount({ address: '0x0000000000000000000000000000000000000001', name: 'x' }),
      ),
    ).toBe('keyring/unknown-account');
    expect(await codeOf(wallet.hideAccount({ address: hardhatAccounts[0], isHidden: 'yes' }))).toBe(
      'wallet/invalid-params',
    );
  });

  it('counts wrong passwords across restarts and backs off after five', async () => {
    const { wallet, restart, advance } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    await wallet.lock();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await codeOf(wallet.unlock({ password: `wrong ${attempt}` }))).toBe(
        'vault/wrong-password-or-tampered',
      );
    }
    const restarted = restart();
    const status = await restarted.status();
    expect(status.failedUnlockAttempts).toBe(5);
    expect(status.retryAfterMs).toBeGreaterThan(0);
    // Even the right password waits until the backoff has passed.
    expect(await codeOf(restarted.unlock({ password }))).toBe('vault/locked-out');
    advance(status.retryAfterMs);
    await restarted.unlock({ password });
    expect((await restarted.status()).failedUnlockAttempts).toBe(0);
  });

  it('reveals the phrase only with the right password', async () => {
    const { wallet } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    expect(await codeOf(wallet.revealPhrase({ password: 'not it at all' }))).toBe(
      'vault/wrong-password-or-tampered',
    );
    expect(await wallet.revealPhrase({ password })).toEqual({
      phrase: testMnemonic,
      language: 'en',
    });
  });

  it('changes the password: the old one stops working, the new one unlocks', async () => {
    const { wallet, restart } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    expect(
      await codeOf(
        wallet.changePassword({ currentPassword: 'nope nope', newPassword: 'another long one' }),
      ),
    ).toBe('vault/wrong-password-or-tampered');
    await wallet.changePassword({ currentPassword: password, newPassword: 'another long one' });
    // The session key was replaced too: a restart still resumes.
    expect((await restart().status()).lockState).toBe('unlocked');
    await wallet.lock();
    expect(await codeOf(wallet.unlock({ password }))).toBe('vault/wrong-password-or-tampered');
    await wallet.unlock({ password: 'another long one' });
  });

  it('raises the KDF parameters of an older vault at the next unlock', async () => {
    const weak = setUp();
    await weak.wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    const strongerParams: ScryptParams = { N: 2 ** 11, r: 8, p: 1 };
    const stronger = new WalletController({
      ...weak.deps,
      kdf: { params: strongerParams, limits: testLimits },
    });
    await stronger.lock();
    await stronger.unlock({ password });
    expect(weak.local.items.get('vault')).toMatchObject({ kdf: { N: 2 ** 11 } });
    await stronger.lock();
    await stronger.unlock({ password });
  });

  it('validates auto-lock minutes', async () => {
    const { wallet } = setUp();
    expect((await wallet.status()).autoLockMinutes).toBe(15);
    for (const minutes of [0, 1441, 1.5, '5', Number.NaN]) {
      expect(await codeOf(wallet.setAutoLock({ minutes }))).toBe('wallet/invalid-params');
    }
    await wallet.setAutoLock({ minutes: 5 });
    expect((await wallet.status()).autoLockMinutes).toBe(5);
  });

  it('serializes concurrent changes, so none is lost', async () => {
    const { wallet, restart } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    await Promise.all([wallet.addAccount({}), wallet.addAccount({}), wallet.addAccount({})]);
    expect((await restart().listAccounts({})).accounts).toHaveLength(4);
  });

  it('never stores the phrase, a private key or the password in the clear', async () => {
    const { wallet, local, session } = setUp();
    await wallet.createWallet({ phrase: testMnemonic, language: 'en', password });
    await wallet.importPrivateKey({
      privateKey: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
    });
    const everything = JSON.stringify([...local.items, ...session.items]);
    expect(everything).not.toContain('test test');
    expect(everything).not.toContain('junk');
    expect(everything).not.toContain(
      '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
    );
    expect(everything).not.toContain(
      'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    );
    expect(everything).not.toContain(password);
  });
});

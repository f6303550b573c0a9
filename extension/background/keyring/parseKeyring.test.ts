import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TpError } from '../../../shared/errors/TpError.ts';
import type { KeyringState } from './KeyringState.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { InvalidKeyringDataError } from './errors.ts';
import { importPrivateKey } from './importPrivateKey.ts';
import { parseKeyring } from './parseKeyring.ts';
import { serializeKeyring } from './serializeKeyring.ts';

type Data = Record<string, unknown> & {
  mnemonic: Record<string, unknown>;
  accounts: Record<string, unknown>[];
  importedKeys: unknown[];
};

let state: KeyringState;
let data: Data;
beforeAll(async () => {
  const created = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
  const { state: two } = await addAccount({ state: created });
  state = importPrivateKey({
    state: two,
    privateKey: '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
  }).state;
  data = JSON.parse(serializeKeyring(state)) as Data;
});

const refusal = async (mutate: (copy: Data) => unknown): Promise<unknown> => {
  const copy = structuredClone(data);
  const result = mutate(copy);
  try {
    await parseKeyring(JSON.stringify(result ?? copy));
  } catch (error) {
    return error;
  }
  throw new Error('expected parseKeyring to refuse');
};

describe('parseKeyring', () => {
  it('reads what serializeKeyring wrote', async () => {
    await expect(parseKeyring(serializeKeyring(state))).resolves.toEqual(state);
  });

  it.each<[string, (copy: Data) => unknown, string]>([
    ['text that is not JSON', () => '{', 'keyring'],
    ['another version', (copy) => ({ ...copy, version: 2 }), 'version'],
    ['no mnemonic', ({ mnemonic: _mnemonic, ...rest }) => rest, 'keyring.mnemonic'],
    ['an extra field', (copy) => ({ ...copy, seed: 'ab' }), 'keyring'],
    [
      'a phrase with a wrong checksum',
      (copy) => void (copy.mnemonic.phrase = 'test '.repeat(12).trim()),
      'mnemonic.phrase',
    ],
    [
      'a phrase in non-canonical form',
      (copy) =>
        void (copy.mnemonic.phrase = 'TEST test test test test test test test test test test junk'),
      'mnemonic.phrase',
    ],
    ['an unknown language', (copy) => void (copy.mnemonic.language = 'de'), 'mnemonic.language'],
    ['a zero account count', (copy) => void (copy.hdAccountCount = 0), 'hdAccountCount'],
    ['a string account count', (copy) => void (copy.hdAccountCount = '2'), 'hdAccountCount'],
    [
      'an uppercase imported key',
      (copy) => void (copy.importedKeys[0] = String(copy.importedKeys[0]).toUpperCase()),
      'importedKeys[0]',
    ],
    [
      'an out-of-range imported key',
      (copy) => void (copy.importedKeys[0] = `0x${'f'.repeat(64)}`),
      'importedKeys[0]',
    ],
    [
      'a lowercase address',
      (copy) =>
        void (copy.accounts[0] = {
          ...copy.accounts[0],
          address: String(copy.accounts[0]?.address).toLowerCase(),
        }),
      'accounts[0].address',
    ],
    [
      'an unknown kind',
      (copy) => void (copy.accounts[0] = { ...copy.accounts[0], kind: 'ledger' }),
      'accounts[0].kind',
    ],
    [
      'an index past the count',
      (copy) => void (copy.accounts[1] = { ...copy.accounts[1], index: 2 }),
      'accounts[1].index',
    ],
    [
      'a repeated index',
      (copy) => void (copy.accounts[1] = { ...copy.accounts[1], index: 0 }),
      'accounts[1].index',
    ],
    [
      'an untrimmed name',
      (copy) => void (copy.accounts[0] = { ...copy.accounts[0], name: ' A ' }),
      'accounts[0].name',
    ],
    [
      'a string hidden flag',
      (copy) => void (copy.accounts[0] = { ...copy.accounts[0], isHidden: 'no' }),
      'accounts[0].isHidden',
    ],
    [
      'an imported address that is not its key’s',
      (copy) =>
        void (copy.accounts[2] = {
          ...copy.accounts[2],
          address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
        }),
      'accounts[2].address',
    ],
    ['a missing account', (copy) => void copy.accounts.pop(), 'accounts'],
    [
      'a count that disagrees with the accounts',
      (copy) => void (copy.hdAccountCount = 3),
      'accounts',
    ],
    [
      'a derived address changed in a digit, checksum still valid',
      (copy) =>
        void (copy.accounts[1] = {
          ...copy.accounts[1],
          address: '0x70997970C51812dc3A010C7d01b58e0d17dc79C8',
        }),
      'accounts[1].address',
    ],
  ])('refuses %s, naming the field', async (_label, mutate, field) => {
    const error = await refusal(mutate);
    expect(error).toBeInstanceOf(InvalidKeyringDataError);
    expect(error).toMatchObject({ code: 'keyring/invalid-data', details: { field } });
  });

  it('never quotes a secret in its errors', async () => {
    const error = await refusal(
      (copy) => void (copy.importedKeys[0] = String(copy.importedKeys[0]).toUpperCase()),
    );
    expect(JSON.stringify((error as TpError).details) + (error as Error).message).not.toMatch(
      /2a871d07/i,
    );
    const phraseError = await refusal(
      (copy) => void (copy.mnemonic.phrase = 'test '.repeat(11) + 'jnuk'),
    );
    expect((phraseError as Error).message).not.toContain('jnuk');
    expect((phraseError as Error).cause).toBeUndefined();
  });

  it('answers any JSON, and any mutation of a keyring, with a state or a keyring error', async () => {
    const text = serializeKeyring(state);
    const input = fc.oneof(
      fc.json(),
      fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
      fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0, max: 6 }))
        .map(
          ([at, bit]) =>
            text.slice(0, at) +
            String.fromCharCode(text.charCodeAt(at) ^ (1 << bit)) +
            text.slice(at + 1),
        ),
    );
    await fc.assert(
      fc.asyncProperty(input, async (candidate) => {
        let parsed: KeyringState;
        try {
          parsed = await parseKeyring(candidate);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidKeyringDataError);
          return;
        }
        // A flip may leave a valid keyring (another name, a hidden flag); never other keys.
        expect(parsed.mnemonic).toEqual(state.mnemonic);
        expect(parsed.importedKeys).toEqual(state.importedKeys);
        expect(
          parsed.accounts.map(({ address, kind, index }) => ({ address, kind, index })),
        ).toEqual(state.accounts.map(({ address, kind, index }) => ({ address, kind, index })));
        await expect(parseKeyring(serializeKeyring(parsed))).resolves.toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { bytesToHex, recoverMessageAddress, verifyMessage } from 'viem';
import type { Address, Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidPersonalMessageError } from '../decode/errors.ts';
import type { KeyringState } from './KeyringState.ts';
import { createKeyring } from './createKeyring.ts';
import { UnknownAccountError } from './errors.ts';
import { importPrivateKey } from './importPrivateKey.ts';
import { signPersonalMessage } from './signPersonalMessage.ts';

// MetaMask eth-sig-util, src/personal-sign.test.ts (the last two from geth and parity).
const vectors: { key: Hex; message: string; signature: Hex }[] = [
  {
    key: '0x4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0',
    message: 'Hello, world!',
    signature:
      '0x90a938f7457df6e8f741264c32697fc52f9a8f867c52dd70713d9d2d472f2e415d9c94148991bbe1f4a1818d1dff09165782749c877f5cf1eff4ef126e55714d1c',
  },
  {
    key: '0x6969696969696969696969696969696969696969696969696969696969696969',
    message: '0x68656c6c6f20776f726c64',
    signature:
      '0xce909e8ea6851bc36c007a0072d0524b07a3ff8d4e623aca4c71ca8e57250c4d0a3fc38fa8fbaaa81ead4b9f6bd03356b6f8bf18bccad167d78891636e1d69561b',
  },
  {
    key: '0x6969696969696969696969696969696969696969696969696969696969696969',
    message: '0x0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f',
    signature:
      '0x9ff8350cc7354b80740a3580d0e0fd4f1f02062040bc06b893d70906f8728bb5163837fd376bf77ce03b55e9bd092b32af60e86abce48f7b8d3539988ee5a9be1c',
  },
  {
    key: '0x4545454545454545454545454545454545454545454545454545454545454545',
    message: '0x0cc175b9c0f1b6a831c399e26977266192eb5ffee6ae2fec3ad71c777531578f',
    signature:
      '0xa2870db1d0c26ef93c7b72d2a0830fa6b841e0593f7186bc6c7cc317af8cf3a42fda03bd589a49949aa05db83300cdb553116274518dbe9d90c65d0213f4af491b',
  },
];

const hdAccount0: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('signPersonalMessage', () => {
  let state: KeyringState;
  beforeAll(async () => {
    state = await createKeyring({
      mnemonic: {
        phrase: 'test test test test test test test test test test test junk',
        language: 'en',
      },
    });
    for (const key of new Set(vectors.map((vector) => vector.key))) {
      state = importPrivateKey({ state, privateKey: key }).state;
    }
  });

  it.each(vectors)('matches eth-sig-util for $message', async ({ key, message, signature }) => {
    const address = privateKeyToAddress(key);
    await expect(signPersonalMessage({ state, address, message })).resolves.toBe(signature);
    await expect(
      verifyMessage({ address, message: { raw: toRaw(message) }, signature }),
    ).resolves.toBe(true);
  });

  it('signs text as its UTF-8 bytes, and 0x-hex as the bytes it spells', async () => {
    const asText = await signPersonalMessage({
      state,
      address: hdAccount0,
      message: 'hello world',
    });
    const asHex = await signPersonalMessage({
      state,
      address: hdAccount0,
      message: '0x68656c6c6f20776f726c64',
    });
    expect(asHex).toBe(asText);
  });

  it('produces signatures that recover to the signing account, for any text or bytes', async () => {
    const message = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 100 }).filter((text) => !text.startsWith('0x')),
      fc.uint8Array({ maxLength: 100 }).map((bytes) => bytesToHex(bytes)),
    );
    const importedAddress = privateKeyToAddress(vectors[0]?.key ?? '0x');
    await fc.assert(
      fc.asyncProperty(
        message,
        fc.constantFrom(hdAccount0, importedAddress),
        async (text, address) => {
          const signature = await signPersonalMessage({ state, address, message: text });
          await expect(
            recoverMessageAddress({ message: { raw: toRaw(text) }, signature }),
          ).resolves.toBe(address);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses odd-length hex rather than guess its bytes', async () => {
    await expect(
      signPersonalMessage({ state, address: hdAccount0, message: '0x123' }),
    ).rejects.toThrow(InvalidPersonalMessageError);
  });

  it('refuses a non-string message', async () => {
    await expect(
      signPersonalMessage({ state, address: hdAccount0, message: 7 as unknown as string }),
    ).rejects.toThrow(InvalidPersonalMessageError);
  });

  it('refuses an account the keyring does not hold', async () => {
    await expect(
      signPersonalMessage({
        state,
        address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
        message: 'hi',
      }),
    ).rejects.toThrow(UnknownAccountError);
  });
});

function toRaw(message: string): Hex {
  return /^0x[0-9a-fA-F]*$/.test(message)
    ? (message as Hex)
    : `0x${Buffer.from(message, 'utf8').toString('hex')}`;
}

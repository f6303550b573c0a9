import { describe, expect, it } from 'vitest';
import { recoverMessageAddress } from 'viem';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { formatStartTrialMessage } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { Eip1193RequestArguments } from '../wallets/Eip1193Provider.ts';
import { signStartTrial } from './signStartTrial.ts';

// Hardhat's first dev account: a real key, so the signature is checked by ecrecover.
const account = privateKeyToAccount(
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
);
const sessionId = `cs_${'a'.repeat(32)}`;
const quoteId = `qt_${'b'.repeat(32)}`;

/** A wallet that signs personal_sign's hex bytes with the key, as EIP-191 says. */
function signingWallet() {
  const calls: Eip1193RequestArguments[] = [];
  return {
    calls,
    provider: {
      async request(args: Eip1193RequestArguments): Promise<unknown> {
        calls.push(args);
        const [data] = args.params as [Hex, string];
        return account.signMessage({ message: { raw: data } });
      },
    },
  };
}

describe('signStartTrial', () => {
  it('returns a signature by the subscriber over the exact start-trial message', async () => {
    const { provider, calls } = signingWallet();
    const signature = await signStartTrial({
      provider,
      sessionId,
      quoteId,
      subscriber: account.address,
    });
    const message = formatStartTrialMessage({ sessionId, quoteId, subscriber: account.address });
    expect(await recoverMessageAddress({ message, signature })).toBe(account.address);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('personal_sign');
    expect((calls[0]?.params as unknown[])[1]).toBe(account.address);
  });

  it('passes on the shopper saying no (4001) as the wallet error', async () => {
    const provider = {
      request: () => Promise.reject(Object.assign(new Error('User rejected'), { code: 4001 })),
    };
    await expect(
      signStartTrial({ provider, sessionId, quoteId, subscriber: account.address }),
    ).rejects.toMatchObject({ code: 4001 });
  });

  it('refuses an answer that is not a 65-byte signature', async () => {
    const provider = { request: () => Promise.resolve('0x1234') };
    await expect(
      signStartTrial({ provider, sessionId, quoteId, subscriber: account.address }),
    ).rejects.toMatchObject({ code: 'wallet/invalid-response' });
  });

  it('asks nothing of the wallet for a malformed quote id', async () => {
    const { provider, calls } = signingWallet();
    await expect(
      signStartTrial({ provider, sessionId, quoteId: 'qt_1', subscriber: account.address }),
    ).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});

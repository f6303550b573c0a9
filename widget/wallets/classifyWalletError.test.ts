import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProviderRpcError } from '../../shared/errors/ProviderRpcError.ts';
import { classifyWalletError } from './classifyWalletError.ts';

describe('classifyWalletError', () => {
  it('reads EIP-1193 codes from the plain objects wallets reject with', () => {
    expect(classifyWalletError({ code: 4001, message: 'User rejected the request.' })).toEqual({
      kind: 'rejected',
      message: 'User rejected the request.',
    });
    expect(classifyWalletError({ code: -32002, message: 'Already pending' }).kind).toBe('pending');
    expect(classifyWalletError({ code: 4902, message: 'Unrecognized chain' }).kind).toBe(
      'unrecognized-chain',
    );
    expect(classifyWalletError({ code: -32603, message: 'Internal' }).kind).toBe('other');
  });

  it('reads the code a wallet wrapped in data.originalError', () => {
    const wrapped = { message: 'x', data: { originalError: { code: 4902 } } };
    expect(classifyWalletError(wrapped).kind).toBe('unrecognized-chain');
  });

  it('understands the payload TP Wallet itself sends', () => {
    const payload = new ProviderRpcError(
      'userRejected',
      'The user rejected the request.',
    ).toPayload();
    expect(classifyWalletError(payload).kind).toBe('rejected');
  });

  it('takes anything thrown, and bounds the message it keeps', () => {
    fc.assert(
      fc.property(fc.anything(), (thrown) => {
        const failure = classifyWalletError(thrown);
        return (
          failure.message.length <= 201 &&
          ['rejected', 'pending', 'unrecognized-chain', 'other'].includes(failure.kind)
        );
      }),
    );
    expect(classifyWalletError({ code: 1, message: 'a'.repeat(5_000) }).message).toHaveLength(201);
  });
});

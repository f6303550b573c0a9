import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

const { sendWalletRequest, WalletRequestError } = await import('./walletClient.ts');
const { TpError } = await import('../../shared/errors/TpError.ts');

describe('sendWalletRequest', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('sends { kind: "ui", action, params } and returns the result', async () => {
    sendMessage.mockResolvedValue({ ok: true, result: { phrase: 'abandon ability' } });
    const result = await sendWalletRequest('generatePhrase', { wordCount: 12, language: 'en' });
    expect(sendMessage).toHaveBeenCalledWith({
      kind: 'ui',
      action: 'generatePhrase',
      params: { wordCount: 12, language: 'en' },
    });
    expect(result).toEqual({ phrase: 'abandon ability' });
  });

  it('returns a null result as null', async () => {
    sendMessage.mockResolvedValue({ ok: true, result: null });
    await expect(sendWalletRequest('lock', {})).resolves.toBeNull();
  });

  it("throws the worker's code, message and details as a WalletRequestError (a TpError)", async () => {
    sendMessage.mockResolvedValue({
      ok: false,
      error: {
        code: 'vault/locked-out',
        message: 'Too many wrong passwords.',
        details: { retryAfterMs: 4000 },
      },
    });
    const error: unknown = await sendWalletRequest('unlock', { password: 'x' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WalletRequestError);
    expect(error).toBeInstanceOf(TpError);
    const requestError = error as InstanceType<typeof WalletRequestError>;
    expect(requestError.code).toBe('vault/locked-out');
    expect(requestError.shortMessage).toBe('Too many wrong passwords.');
    expect(requestError.details).toEqual({ retryAfterMs: 4000 });
    expect(requestError.action).toBe('unlock');
  });

  it('treats no answer (no listener replied) as ui/no-answer', async () => {
    sendMessage.mockResolvedValue(undefined);
    await expect(sendWalletRequest('status', {})).rejects.toMatchObject({ code: 'ui/no-answer' });
  });

  it('treats a failed sendMessage (worker unreachable) as ui/no-answer with the cause', async () => {
    const cause = new Error('Could not establish connection. Receiving end does not exist.');
    sendMessage.mockRejectedValue(cause);
    await expect(sendWalletRequest('status', {})).rejects.toMatchObject({
      code: 'ui/no-answer',
      cause,
    });
  });

  it('treats a reply of any other shape as ui/invalid-reply', async () => {
    for (const reply of [{ ok: 'yes' }, { ok: false, error: { code: 1 } }, 'ok', { ok: true }]) {
      sendMessage.mockResolvedValue(reply);
      await expect(sendWalletRequest('status', {})).rejects.toMatchObject({
        code: 'ui/invalid-reply',
      });
    }
  });
});

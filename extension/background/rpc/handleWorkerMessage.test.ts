import { describe, expect, it } from 'vitest';
import { handleWorkerMessage } from './handleWorkerMessage.ts';

const page = { origin: 'https://shop.example', url: 'https://shop.example/cart' };

describe('handleWorkerMessage', () => {
  it('answers eth_chainId with the active chain in hex', async () => {
    await expect(
      handleWorkerMessage({
        message: { kind: 'rpc', request: { method: 'eth_chainId' } },
        sender: page,
        activeChainId: 31337,
      }),
    ).resolves.toEqual({ ok: true, result: '0x7a69' });
  });

  it('answers unknown methods with 4200 naming the method', async () => {
    await expect(
      handleWorkerMessage({
        message: { kind: 'rpc', request: { method: 'eth_foo' } },
        sender: page,
        activeChainId: 1,
      }),
    ).resolves.toEqual({
      ok: false,
      error: {
        code: 4200,
        message: 'The method "eth_foo" is not supported.',
        data: { method: 'eth_foo' },
      },
    });
  });

  it('turns malformed messages into -32600 instead of throwing', async () => {
    for (const message of [
      null,
      'rpc',
      { kind: 'other' },
      { kind: 'rpc' },
      { kind: 'rpc', request: { method: 1 } },
    ]) {
      const reply = await handleWorkerMessage({ message, sender: page, activeChainId: 1 });
      expect(reply).toMatchObject({ ok: false, error: { code: -32600 } });
    }
  });

  it('refuses senders without a web origin with 4100', async () => {
    const reply = await handleWorkerMessage({
      message: { kind: 'rpc', request: { method: 'eth_chainId' } },
      sender: { origin: 'null' },
      activeChainId: 1,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 4100 } });
  });
});

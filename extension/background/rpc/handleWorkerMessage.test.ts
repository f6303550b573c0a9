import { describe, expect, it } from 'vitest';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { RpcRequest } from '../../../shared/protocol/walletMessages.ts';
import { handleWorkerMessage } from './handleWorkerMessage.ts';

const page = { origin: 'https://shop.example', url: 'https://shop.example/cart' };
const seen: { request: RpcRequest; origin: string }[] = [];
const echo = (request: RpcRequest, origin: string) => {
  seen.push({ request, origin });
  return Promise.resolve(`${request.method}@${origin}`);
};

describe('handleWorkerMessage', () => {
  it('passes the checked request with the browser-reported origin', async () => {
    await expect(
      handleWorkerMessage({
        message: {
          kind: 'rpc',
          request: { method: 'eth_chainId' },
          origin: 'https://bank.example',
        },
        sender: page,
        handle: echo,
      }),
    ).resolves.toEqual({ ok: true, result: 'eth_chainId@https://shop.example' });
  });

  it('turns the handler’s EIP-1193 errors into payloads', async () => {
    const reply = await handleWorkerMessage({
      message: { kind: 'rpc', request: { method: 'eth_foo' } },
      sender: page,
      handle: () =>
        Promise.reject(
          new ProviderRpcError('unsupportedMethod', 'The method "eth_foo" is not supported.'),
        ),
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 4200, message: 'The method "eth_foo" is not supported.' },
    });
  });

  it('maps typed signing errors to -32602 and anything else to -32603 without leaking it', async () => {
    const signing = await handleWorkerMessage({
      message: { kind: 'rpc', request: { method: 'personal_sign' } },
      sender: page,
      handle: () =>
        Promise.reject(
          new TpError({ code: 'signing/chain-mismatch', shortMessage: 'Wrong chain.' }),
        ),
    });
    expect(signing).toMatchObject({ ok: false, error: { code: -32602, message: 'Wrong chain.' } });
    const crash = await handleWorkerMessage({
      message: { kind: 'rpc', request: { method: 'x' } },
      sender: page,
      handle: () => Promise.reject(new Error('secret internals')),
    });
    expect(crash).toEqual({
      ok: false,
      error: { code: -32603, message: 'The wallet failed to handle the request.' },
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
      const reply = await handleWorkerMessage({ message, sender: page, handle: echo });
      expect(reply).toMatchObject({ ok: false, error: { code: -32600 } });
    }
  });

  it('refuses senders without a web origin with 4100', async () => {
    const reply = await handleWorkerMessage({
      message: { kind: 'rpc', request: { method: 'eth_chainId' } },
      sender: { origin: 'null' },
      handle: echo,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 4100 } });
  });
});

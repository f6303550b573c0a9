import { describe, expect, it } from 'vitest';
import { parsePageMessage } from './parsePageMessage.ts';
import { pageChannel } from './walletMessages.ts';

describe('parsePageMessage', () => {
  it('accepts a well-formed request and keeps only known fields', () => {
    expect(
      parsePageMessage({
        channel: pageChannel,
        kind: 'request',
        id: 'a:1',
        request: { method: 'eth_chainId' },
        origin: 'https://evil.example',
      }),
    ).toEqual({
      channel: pageChannel,
      kind: 'request',
      id: 'a:1',
      request: { method: 'eth_chainId' },
    });
  });

  it('accepts the EIP-1193 events', () => {
    expect(
      parsePageMessage({ channel: pageChannel, kind: 'event', event: 'chainChanged', data: '0x1' }),
    ).toEqual({
      channel: pageChannel,
      kind: 'event',
      event: 'chainChanged',
      data: '0x1',
    });
  });

  it('accepts success and error responses', () => {
    expect(
      parsePageMessage({
        channel: pageChannel,
        kind: 'response',
        id: '1',
        reply: { ok: true, result: '0x1' },
      }),
    ).toBeDefined();
    expect(
      parsePageMessage({
        channel: pageChannel,
        kind: 'response',
        id: '1',
        reply: { ok: false, error: { code: 4001, message: 'rejected' } },
      }),
    ).toBeDefined();
  });

  it.each([
    ['the page’s own traffic', { type: 'webpackOk' }],
    [
      'another channel',
      { channel: 'metamask', kind: 'request', id: '1', request: { method: 'x' } },
    ],
    ['a missing id', { channel: pageChannel, kind: 'request', request: { method: 'x' } }],
    [
      'an oversized id',
      { channel: pageChannel, kind: 'request', id: 'x'.repeat(65), request: { method: 'x' } },
    ],
    [
      'a malformed request',
      { channel: pageChannel, kind: 'request', id: '1', request: { method: 3 } },
    ],
    ['an unknown kind', { channel: pageChannel, kind: 'notice', id: '1' }],
    ['an unknown event', { channel: pageChannel, kind: 'event', event: 'steal', data: 1 }],
    [
      'a response without result',
      { channel: pageChannel, kind: 'response', id: '1', reply: { ok: true } },
    ],
    [
      'a malformed error',
      {
        channel: pageChannel,
        kind: 'response',
        id: '1',
        reply: { ok: false, error: { code: '1' } },
      },
    ],
    ['a string', 'tp-wallet/v1'],
    ['null', null],
  ])('ignores %s', (_name, value) => {
    expect(parsePageMessage(value)).toBeUndefined();
  });
});

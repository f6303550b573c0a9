import { describe, expect, it } from 'vitest';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { resolveSenderOrigin } from './resolveSenderOrigin.ts';
import type { MessageSenderLike } from './resolveSenderOrigin.ts';

describe('resolveSenderOrigin', () => {
  it('takes the origin the browser reports for the frame', () => {
    expect(
      resolveSenderOrigin({ origin: 'https://shop.example', url: 'https://other.example/x' }),
    ).toBe('https://shop.example');
  });

  it('falls back to the frame URL when the browser gives no origin', () => {
    expect(resolveSenderOrigin({ url: 'http://127.0.0.1:5173/cart?x=1#y' })).toBe(
      'http://127.0.0.1:5173',
    );
  });

  it('normalizes default ports and case', () => {
    expect(resolveSenderOrigin({ origin: 'HTTPS://Shop.Example:443' })).toBe(
      'https://shop.example',
    );
  });

  it.each([
    [{}, 'no origin at all'],
    [{ origin: 'null' }, 'an opaque origin (sandboxed frame, data: URL)'],
    [{ url: 'data:text/html,hi' }, 'a data: URL'],
    [{ origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }, 'an extension page'],
    [{ origin: 'file://' }, 'a file page'],
    [{ url: 'not a url' }, 'an unparsable URL'],
  ] as const)('refuses %o (%s) with 4100', (sender: MessageSenderLike, _reason: string) => {
    let caught: unknown;
    try {
      resolveSenderOrigin(sender);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProviderRpcError);
    expect((caught as ProviderRpcError).rpcCode).toBe(4100);
  });
});

import { describe, expect, it } from 'vitest';
import { ProviderRpcError } from '../errors/ProviderRpcError.ts';
import { parseRpcRequest } from './parseRpcRequest.ts';

function rpcCodeOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ProviderRpcError ? error.rpcCode : undefined;
  }
  return undefined;
}

describe('parseRpcRequest', () => {
  it('accepts a method with array params, object params or none', () => {
    expect(parseRpcRequest({ method: 'eth_chainId' })).toEqual({ method: 'eth_chainId' });
    expect(parseRpcRequest({ method: 'eth_call', params: [{ to: '0x0' }, 'latest'] })).toEqual({
      method: 'eth_call',
      params: [{ to: '0x0' }, 'latest'],
    });
    expect(
      parseRpcRequest({ method: 'wallet_watchAsset', params: { type: 'ERC20' } }).params,
    ).toEqual({
      type: 'ERC20',
    });
  });

  it.each([null, undefined, 'eth_chainId', 42, [], [{ method: 'eth_chainId' }]])(
    'refuses %o as an invalid request (-32600)',
    (value) => {
      expect(rpcCodeOf(() => parseRpcRequest(value))).toBe(-32600);
    },
  );

  it.each([{}, { method: '' }, { method: 7 }, { method: 'x'.repeat(129) }])(
    'refuses a bad method in %o (-32600)',
    (value) => {
      expect(rpcCodeOf(() => parseRpcRequest(value))).toBe(-32600);
    },
  );

  it.each(['x', 1, true, null])('refuses params %o (-32602)', (params) => {
    expect(rpcCodeOf(() => parseRpcRequest({ method: 'eth_chainId', params }))).toBe(-32602);
  });

  it('ignores extra fields, so a page cannot smuggle an origin through', () => {
    expect(parseRpcRequest({ method: 'eth_chainId', origin: 'https://bank.example' })).toEqual({
      method: 'eth_chainId',
    });
  });
});

import { BaseError, RpcRequestError } from 'viem';
import { describe, expect, it } from 'vitest';
import { TpError } from '../../../shared/errors/TpError.ts';
import { findCause } from './findCause.ts';

const isTpError = (candidate: unknown): candidate is TpError => candidate instanceof TpError;
const isRpcRequestError = (candidate: unknown): candidate is RpcRequestError =>
  candidate instanceof RpcRequestError;

describe('findCause', () => {
  it('finds the error itself', () => {
    const error = new TpError({ code: 'x/y', shortMessage: 'y' });
    expect(findCause(error, isTpError)).toBe(error);
  });

  it('follows causes through viem, TpError and plain errors', () => {
    const rpc = new RpcRequestError({
      body: { method: 'eth_call' },
      error: { code: 3, message: 'execution reverted' },
      url: 'http://127.0.0.1:8545',
    });
    const chain = new Error('outer', {
      cause: new TpError({
        code: 'a/b',
        shortMessage: 'b',
        cause: new BaseError('x', { cause: rpc }),
      }),
    });
    expect(findCause(chain, isRpcRequestError)).toBe(rpc);
  });

  it('answers undefined when nothing matches, even for non-errors and cycles', () => {
    const cyclic = new Error('a');
    cyclic.cause = cyclic;
    expect(findCause(cyclic, isTpError)).toBeUndefined();
    expect(findCause('text', isTpError)).toBeUndefined();
    expect(findCause(undefined, isTpError)).toBeUndefined();
  });
});

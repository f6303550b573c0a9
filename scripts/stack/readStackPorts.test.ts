import { describe, expect, it } from 'vitest';
import { TpError } from '../../shared/errors/TpError.ts';
import { defaultStackPorts, readStackPorts } from './readStackPorts.ts';

describe('readStackPorts', () => {
  it('uses 8545, 8787 and 5173 by default', () => {
    expect(readStackPorts({})).toEqual({ chain: 8545, provider: 8787, shop: 5173 });
    expect(defaultStackPorts).toEqual({ chain: 8545, provider: 8787, shop: 5173 });
  });

  it('reads CHAIN_PORT, PROVIDER_PORT and SHOP_PORT', () => {
    expect(readStackPorts({ CHAIN_PORT: '1', PROVIDER_PORT: '2', SHOP_PORT: '65535' })).toEqual({
      chain: 1,
      provider: 2,
      shop: 65535,
    });
  });

  it.each(['0', '65536', '-1', '80a', '8.5', ' 80', '1e3'])(
    'refuses PROVIDER_PORT=%s with a clear error',
    (value) => {
      expect(() => readStackPorts({ PROVIDER_PORT: value })).toThrow(TpError);
      expect(() => readStackPorts({ PROVIDER_PORT: value })).toThrow(
        'PROVIDER_PORT must be a port number',
      );
    },
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TpError } from '../errors/TpError.ts';
import { InvalidChainParamsError } from './errors.ts';
import { parseAddEthereumChainParameter } from './parseAddEthereumChainParameter.ts';

const valid = {
  chainId: '0x2105',
  chainName: 'Base',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
  blockExplorerUrls: ['https://basescan.org'],
  iconUrls: ['https://example.org/base.svg'],
};

function rejectionOf(value: unknown): InvalidChainParamsError {
  try {
    parseAddEthereumChainParameter(value);
  } catch (error) {
    if (error instanceof InvalidChainParamsError) return error;
    throw error;
  }
  throw new Error('expected the parameter to be rejected');
}

describe('parseAddEthereumChainParameter', () => {
  it('reads a complete EIP-3085 parameter, with the chain id as a number and URLs normalized', () => {
    expect(parseAddEthereumChainParameter(valid)).toEqual({
      chainId: 8453,
      chainName: 'Base',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: ['https://mainnet.base.org/', 'https://base-rpc.publicnode.com/'],
      blockExplorerUrls: ['https://basescan.org/'],
      iconUrls: ['https://example.org/base.svg'],
    });
  });

  it('reads the minimal form and leaves the optional lists out', () => {
    const { blockExplorerUrls: _explorers, iconUrls: _icons, ...minimal } = valid;
    const parsed = parseAddEthereumChainParameter({ ...minimal, blockExplorerUrls: null });
    expect(parsed).not.toHaveProperty('blockExplorerUrls');
    expect(parsed).not.toHaveProperty('iconUrls');
  });

  it.each([
    ['0x1', 1],
    ['0x7a69', 31337],
    ['0x7A69', 31337],
    ['0x1fffffffffffff', Number.MAX_SAFE_INTEGER],
  ])('reads chain id %s as %d', (chainId, expected) => {
    expect(parseAddEthereumChainParameter({ ...valid, chainId }).chainId).toBe(expected);
  });

  it('trims the chain name', () => {
    expect(parseAddEthereumChainParameter({ ...valid, chainName: '  Base  ' }).chainName).toBe(
      'Base',
    );
  });

  it.each(['http://127.0.0.1:8545', 'http://localhost:8545/rpc', 'https://rpc.example/v1/key123'])(
    'accepts RPC URL %s',
    (url) => {
      expect(parseAddEthereumChainParameter({ ...valid, rpcUrls: [url] }).rpcUrls).toHaveLength(1);
    },
  );

  const currency = valid.nativeCurrency;
  it.each<[string, unknown, string]>([
    ['a missing parameter', undefined, 'parameter'],
    ['null', null, 'parameter'],
    ['an array', [valid], 'parameter'],
    ['a string', JSON.stringify(valid), 'parameter'],
    ['an unknown field', { ...valid, chainNamespace: 'eip155' }, 'chainNamespace'],
    ['a missing chain id', { ...valid, chainId: undefined }, 'chainId'],
    ['a numeric chain id', { ...valid, chainId: 8453 }, 'chainId'],
    ['a decimal chain id', { ...valid, chainId: '8453' }, 'chainId'],
    ['chain id 0x0', { ...valid, chainId: '0x0' }, 'chainId'],
    ['a chain id with leading zeros', { ...valid, chainId: '0x02105' }, 'chainId'],
    ['an upper-case 0X prefix', { ...valid, chainId: '0X2105' }, 'chainId'],
    ['a chain id with a sign', { ...valid, chainId: '-0x1' }, 'chainId'],
    ['a chain id with spaces', { ...valid, chainId: ' 0x2105' }, 'chainId'],
    ['a chain id above 2^53 - 1', { ...valid, chainId: '0x20000000000000' }, 'chainId'],
    ['a huge chain id', { ...valid, chainId: `0x${'f'.repeat(64)}` }, 'chainId'],
    ['a missing chain name', { ...valid, chainName: undefined }, 'chainName'],
    ['an empty chain name', { ...valid, chainName: '' }, 'chainName'],
    ['a blank chain name', { ...valid, chainName: '   ' }, 'chainName'],
    ['a 65-character chain name', { ...valid, chainName: 'x'.repeat(65) }, 'chainName'],
    ['a chain name with a newline', { ...valid, chainName: 'Base\nMainnet' }, 'chainName'],
    [
      'a chain name with a bidi override',
      { ...valid, chainName: 'Base\u202Etenniam' },
      'chainName',
    ],
    ['a chain name with a zero-width space', { ...valid, chainName: 'Ba\u200Bse' }, 'chainName'],
    ['a missing native currency', { ...valid, nativeCurrency: undefined }, 'nativeCurrency'],
    ['a native currency string', { ...valid, nativeCurrency: 'ETH' }, 'nativeCurrency'],
    [
      'an unknown native currency field',
      { ...valid, nativeCurrency: { ...currency, logo: 'x' } },
      'nativeCurrency.logo',
    ],
    [
      'an empty currency name',
      { ...valid, nativeCurrency: { ...currency, name: '' } },
      'nativeCurrency.name',
    ],
    [
      'a one-character symbol',
      { ...valid, nativeCurrency: { ...currency, symbol: 'E' } },
      'nativeCurrency.symbol',
    ],
    [
      'a seven-character symbol',
      { ...valid, nativeCurrency: { ...currency, symbol: 'ETHEREU' } },
      'nativeCurrency.symbol',
    ],
    [
      'a symbol with a space',
      { ...valid, nativeCurrency: { ...currency, symbol: 'E TH' } },
      'nativeCurrency.symbol',
    ],
    [
      'a numeric symbol',
      { ...valid, nativeCurrency: { ...currency, symbol: 42 } },
      'nativeCurrency.symbol',
    ],
    [
      'decimals other than 18',
      { ...valid, nativeCurrency: { ...currency, decimals: 6 } },
      'nativeCurrency.decimals',
    ],
    [
      'decimals as a string',
      { ...valid, nativeCurrency: { ...currency, decimals: '18' } },
      'nativeCurrency.decimals',
    ],
    ['missing RPC URLs', { ...valid, rpcUrls: undefined }, 'rpcUrls'],
    ['no RPC URL', { ...valid, rpcUrls: [] }, 'rpcUrls'],
    ['an RPC URL string instead of a list', { ...valid, rpcUrls: 'https://a.example' }, 'rpcUrls'],
    [
      'six RPC URLs',
      { ...valid, rpcUrls: [1, 2, 3, 4, 5, 6].map((n) => `https://rpc${n}.example`) },
      'rpcUrls',
    ],
    ['an http RPC URL', { ...valid, rpcUrls: ['http://rpc.example'] }, 'rpcUrls[0]'],
    [
      'http on a look-alike of localhost',
      { ...valid, rpcUrls: ['https://ok.example', 'http://localhost.evil.example'] },
      'rpcUrls[1]',
    ],
    [
      'http on another private address',
      { ...valid, rpcUrls: ['http://192.168.1.1'] },
      'rpcUrls[0]',
    ],
    ['a websocket RPC URL', { ...valid, rpcUrls: ['wss://rpc.example'] }, 'rpcUrls[0]'],
    ['a javascript: URL', { ...valid, rpcUrls: ['javascript:alert(1)'] }, 'rpcUrls[0]'],
    ['a relative URL', { ...valid, rpcUrls: ['/rpc'] }, 'rpcUrls[0]'],
    ['a URL with credentials', { ...valid, rpcUrls: ['https://u:p@rpc.example'] }, 'rpcUrls[0]'],
    ['a URL with a space', { ...valid, rpcUrls: [' https://rpc.example'] }, 'rpcUrls[0]'],
    ['a URL with a tab', { ...valid, rpcUrls: ['https://rpc.ex\tample'] }, 'rpcUrls[0]'],
    ['a non-ASCII host', { ...valid, rpcUrls: ['https://rрc.example'] }, 'rpcUrls[0]'],
    [
      'an overlong URL',
      { ...valid, rpcUrls: [`https://a.example/${'a'.repeat(2100)}`] },
      'rpcUrls[0]',
    ],
    ['a numeric RPC URL', { ...valid, rpcUrls: [42] }, 'rpcUrls[0]'],
    [
      'a duplicate RPC URL',
      { ...valid, rpcUrls: ['https://rpc.example', 'https://rpc.example/'] },
      'rpcUrls[1]',
    ],
    [
      'an explorer list string',
      { ...valid, blockExplorerUrls: 'https://x.example' },
      'blockExplorerUrls',
    ],
    [
      'an http explorer',
      { ...valid, blockExplorerUrls: ['http://x.example'] },
      'blockExplorerUrls[0]',
    ],
    ['an icon list object', { ...valid, iconUrls: {} }, 'iconUrls'],
    ['a data: icon', { ...valid, iconUrls: ['data:image/png;base64,AAAA'] }, 'iconUrls[0]'],
  ])('rejects %s, naming the field', (_case, value, param) => {
    const error = rejectionOf(value);
    expect(error.code).toBe('chain/invalid-params');
    expect(error.param).toBe(param);
    expect(error.details.param).toBe(param);
  });

  it('does not read fields through the prototype', () => {
    const inherited = Object.create({ rpcUrls: ['https://rpc.example'] }) as Record<
      string,
      unknown
    >;
    Object.assign(inherited, { ...valid, rpcUrls: undefined });
    delete inherited.rpcUrls;
    expect(rejectionOf(inherited).param).toBe('rpcUrls');
  });

  it('keeps a huge input out of the error details', () => {
    const error = rejectionOf({ ...valid, chainName: 'x'.repeat(100_000) });
    expect(String(error.details.received).length).toBeLessThan(200);
  });

  it('returns a valid result or throws a TpError for any input, never another exception', () => {
    const urlLike = fc.oneof(
      fc.webUrl(),
      fc.constantFrom('http://127.0.0.1:8545', 'http://localhost', 'https://a.example'),
      fc.string(),
    );
    const nearlyValid = fc.record(
      {
        chainId: fc.oneof(
          fc.bigInt({ min: 0n, max: 2n ** 60n }).map((id) => `0x${id.toString(16)}`),
          fc.string(),
          fc.integer(),
        ),
        chainName: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant(undefined)),
        nativeCurrency: fc.oneof(
          fc.record(
            {
              name: fc.string(),
              symbol: fc.string({ minLength: 1, maxLength: 8 }),
              decimals: fc.oneof(fc.constant(18), fc.integer()),
            },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        rpcUrls: fc.oneof(fc.array(urlLike, { maxLength: 7 }), fc.anything()),
        blockExplorerUrls: fc.oneof(fc.array(urlLike, { maxLength: 6 }), fc.anything()),
        iconUrls: fc.oneof(fc.array(urlLike, { maxLength: 6 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.anything(), fc.object()), (value) => {
        try {
          const parsed = parseAddEthereumChainParameter(value);
          expect(Number.isSafeInteger(parsed.chainId) && parsed.chainId > 0).toBe(true);
          expect(parsed.rpcUrls.length).toBeGreaterThan(0);
          for (const url of parsed.rpcUrls)
            expect(url).toMatch(/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)[:/]/);
        } catch (error) {
          expect(error).toBeInstanceOf(TpError);
          expect((error as TpError).code).toBe('chain/invalid-params');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts every well-formed parameter', () => {
    const wellFormed = fc.record({
      chainId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      chainName: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,62}[A-Za-z0-9]$/),
      symbol: fc.stringMatching(/^[A-Z0-9]{2,6}$/),
      hosts: fc.uniqueArray(fc.domain(), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(wellFormed, ({ chainId, chainName, symbol, hosts }) => {
        const parsed = parseAddEthereumChainParameter({
          chainId: `0x${chainId.toString(16)}`,
          chainName,
          nativeCurrency: { name: chainName, symbol, decimals: 18 },
          rpcUrls: hosts.map((host) => `https://${host}/rpc`),
        });
        expect(parsed.chainId).toBe(chainId);
        expect(parsed.rpcUrls).toHaveLength(hosts.length);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts what it produces (parsing is idempotent on its own output)', () => {
    const once = parseAddEthereumChainParameter({ ...valid, chainName: ' Base ' });
    const twice = parseAddEthereumChainParameter({
      ...once,
      chainId: `0x${once.chainId.toString(16)}`,
    });
    expect(twice).toEqual(once);
  });
});

/**
 * Reads the parameter of EIP-3085 `wallet_addEthereumChain` as sent by a web page.
 *
 * Trusted: nothing in the input. It comes from any site and ends up on screen (chain and
 * currency names) and in `fetch` calls (RPC URLs), so every field is checked for type, length and
 * form; unknown fields are refused (as MetaMask does), names with control or invisible formatting
 * characters are refused, and URLs must be HTTPS except on this machine's loopback.
 * Not checked here: whether the RPC URL really serves that chain (`verifyRpcChainId` asks it).
 */
import { InvalidChainParamsError } from './errors.ts';

export type AddEthereumChainParameter = {
  readonly chainId: number;
  readonly chainName: string;
  readonly nativeCurrency: {
    readonly name: string;
    readonly symbol: string;
    readonly decimals: 18;
  };
  /** Normalized (`URL.href`), unique, 1 to 5. */
  readonly rpcUrls: readonly string[];
  readonly blockExplorerUrls?: readonly string[];
  readonly iconUrls?: readonly string[];
};

export type ParseAddEthereumChainParameterReturnType = AddEthereumChainParameter;
export type ParseAddEthereumChainParameterErrorType = InvalidChainParamsError;

const topLevelKeys = new Set([
  'chainId',
  'chainName',
  'nativeCurrency',
  'rpcUrls',
  'blockExplorerUrls',
  'iconUrls',
]);
const nativeCurrencyKeys = new Set(['name', 'symbol', 'decimals']);

/** `0x`, then a hex quantity without leading zeros (so never 0); 14 digits already exceed 2^53. */
const chainIdPattern = /^0x[1-9a-fA-F][0-9a-fA-F]{0,13}$/;
const maxNameLength = 64;
const minSymbolLength = 2;
const maxSymbolLength = 6;
const maxRpcUrls = 5;
const maxOtherUrls = 5;
const maxUrlLength = 2048;
/** Control characters and invisible formatting (bidi overrides, zero-width joiners…). */
const unsafeCharacters = /[\p{Cc}\p{Cf}]/u;
/** Printable ASCII without spaces: the URL parser would silently drop tabs and newlines. */
const urlCharacters = /^[\x21-\x7e]+$/;
const loopbackHosts = new Set(['127.0.0.1', 'localhost']);

export function parseAddEthereumChainParameter(
  value: unknown,
): ParseAddEthereumChainParameterReturnType {
  const parameter = readObject(value, 'parameter', topLevelKeys);
  const chainId = readChainId(parameter.chainId);
  const chainName = readName(parameter.chainName, 'chainName');
  const currency = readObject(parameter.nativeCurrency, 'nativeCurrency', nativeCurrencyKeys);
  const nativeCurrency = {
    name: readName(currency.name, 'nativeCurrency.name'),
    symbol: readSymbol(currency.symbol),
    decimals: readDecimals(currency.decimals),
  };
  const rpcUrls = readUrls(parameter.rpcUrls, 'rpcUrls', 1, maxRpcUrls);
  const blockExplorerUrls = readOptionalUrls(parameter.blockExplorerUrls, 'blockExplorerUrls');
  const iconUrls = readOptionalUrls(parameter.iconUrls, 'iconUrls');
  return {
    chainId,
    chainName,
    nativeCurrency,
    rpcUrls,
    ...(blockExplorerUrls === undefined ? {} : { blockExplorerUrls }),
    ...(iconUrls === undefined ? {} : { iconUrls }),
  };
}

function readObject(
  value: unknown,
  param: string,
  allowedKeys: ReadonlySet<string>,
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidChainParamsError({ param, expected: 'an object', received: value });
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowedKeys.has(key)) {
      throw new InvalidChainParamsError({
        param: param === 'parameter' ? key : `${param}.${key}`,
        expected: `no such field (allowed: ${[...allowedKeys].join(', ')})`,
        received: record[key],
      });
    }
  }
  // Only own fields count: a missing field must not be read through the prototype.
  const own: Record<string, unknown> = {};
  for (const key of allowedKeys) {
    if (Object.prototype.hasOwnProperty.call(record, key)) own[key] = record[key];
  }
  return own;
}

function readChainId(value: unknown): number {
  if (typeof value !== 'string' || !chainIdPattern.test(value)) {
    throw new InvalidChainParamsError({
      param: 'chainId',
      expected: 'a 0x-prefixed hexadecimal chain id without leading zeros, like "0x2105"',
      received: value,
    });
  }
  const chainId = BigInt(value);
  if (chainId > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidChainParamsError({
      param: 'chainId',
      expected: 'a chain id no larger than 2^53 - 1',
      received: value,
    });
  }
  return Number(chainId);
}

function readName(value: unknown, param: string): string {
  const name = typeof value === 'string' ? value.trim() : undefined;
  const length = name === undefined ? 0 : codePointCount(name);
  if (name === undefined || length < 1 || length > maxNameLength || unsafeCharacters.test(name)) {
    throw new InvalidChainParamsError({
      param,
      expected: `a name of 1 to ${maxNameLength} visible characters`,
      received: value,
    });
  }
  return name;
}

function readSymbol(value: unknown): string {
  const length = typeof value === 'string' ? codePointCount(value) : 0;
  if (
    typeof value !== 'string' ||
    length < minSymbolLength ||
    length > maxSymbolLength ||
    /\s/u.test(value) ||
    unsafeCharacters.test(value)
  ) {
    throw new InvalidChainParamsError({
      param: 'nativeCurrency.symbol',
      expected: `a symbol of ${minSymbolLength} to ${maxSymbolLength} visible characters`,
      received: value,
    });
  }
  return value;
}

function readDecimals(value: unknown): 18 {
  if (value !== 18) {
    throw new InvalidChainParamsError({
      param: 'nativeCurrency.decimals',
      expected: 'the number 18',
      received: value,
    });
  }
  return value;
}

function readOptionalUrls(value: unknown, param: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return readUrls(value, param, 0, maxOtherUrls);
}

function readUrls(value: unknown, param: string, minimum: number, maximum: number): string[] {
  if (!Array.isArray(value) || value.length < minimum || value.length > maximum) {
    throw new InvalidChainParamsError({
      param,
      expected: `an array of ${minimum} to ${maximum} URLs`,
      received: value,
    });
  }
  const urls: string[] = [];
  (value as unknown[]).forEach((item, index) => {
    const url = readUrl(item, `${param}[${index}]`);
    if (urls.includes(url)) {
      throw new InvalidChainParamsError({
        param: `${param}[${index}]`,
        expected: 'a URL not already listed',
        received: item,
      });
    }
    urls.push(url);
  });
  return urls;
}

function readUrl(value: unknown, param: string): string {
  const fail = (expected: string): never => {
    throw new InvalidChainParamsError({ param, expected, received: value });
  };
  if (typeof value !== 'string' || value.length > maxUrlLength || !urlCharacters.test(value)) {
    return fail(`a URL of at most ${maxUrlLength} printable ASCII characters`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('an absolute URL');
  }
  const isLoopbackHttp = url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !isLoopbackHttp) {
    return fail('an https:// URL (http:// only for 127.0.0.1 or localhost)');
  }
  if (url.username !== '' || url.password !== '')
    return fail('a URL without user name or password');
  return url.href;
}

/** Length in Unicode code points, so a character outside the BMP counts once. */
function codePointCount(text: string): number {
  let count = 0;
  for (const _codePoint of text) count += 1;
  return count;
}

/**
 * Trusts `to` and `value` to be checked already (asserted here); assumes nothing about `data`.
 * Recognises ERC-20 calls only when the arguments are exactly canonical ABI (re-encoding them gives
 * the same bytes); bytes after the arguments come back as `reference`. Anything else is a
 * `contract-call` that is not decoded. Never throws on calldata. The token is the `to` address:
 * whether it really is an ERC-20 is for the caller (knownTokens) to judge.
 */
import {
  decodeFunctionData,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  isAddress,
  parseAbi,
  toFunctionSelector,
} from 'viem';
import type { Abi, AbiFunction, Address, Hex } from 'viem';
import type { KnownToken } from '../../../shared/chains/devChainTokens.ts';
import type { ActionView, TokenReference } from '../../../shared/protocol/ActionView.ts';
import { InvalidDescribeInputError } from './errors.ts';

export type DescribeTransactionParameters = {
  transaction: { to?: Address | undefined; value: bigint; data?: Hex | undefined };
  /** Tokens of the active chain, to name amounts; an unknown token is still decoded. */
  knownTokens: readonly Pick<KnownToken, 'address' | 'symbol' | 'decimals'>[];
};
export type DescribeTransactionReturnType = ActionView;
export type DescribeTransactionErrorType = InvalidDescribeInputError;

const maxUint256 = 2n ** 256n - 1n;
const unlimitedThreshold = 2n ** 255n;

const increaseAllowanceAbi = parseAbi([
  'function increaseAllowance(address spender, uint256 addedValue) returns (bool)',
]);

type Erc20FunctionName = 'transfer' | 'approve' | 'transferFrom' | 'increaseAllowance';
const recognisedFunctions: ReadonlySet<string> = new Set<Erc20FunctionName>([
  'transfer',
  'approve',
  'transferFrom',
  'increaseAllowance',
]);

/** selector → the one ABI item it decodes with. */
const erc20Functions: ReadonlyMap<Hex, AbiFunction> = new Map(
  ([...erc20Abi, ...increaseAllowanceAbi] as Abi)
    .filter(
      (item): item is AbiFunction => item.type === 'function' && recognisedFunctions.has(item.name),
    )
    .map((item) => [toFunctionSelector(item), item] as const),
);

export function describeTransaction({
  transaction,
  knownTokens,
}: DescribeTransactionParameters): DescribeTransactionReturnType {
  const { to, value, data } = transaction;
  if (typeof value !== 'bigint' || value < 0n || value > maxUint256)
    throw new InvalidDescribeInputError({ field: 'value', expected: 'a bigint in [0, 2^256)' });
  if (to !== undefined && (typeof to !== 'string' || !isAddress(to, { strict: false })))
    throw new InvalidDescribeInputError({ field: 'to', expected: 'an address or absent' });
  if (data !== undefined && typeof data !== 'string')
    throw new InvalidDescribeInputError({ field: 'data', expected: 'hex bytes or absent' });

  const valueText = value.toString();
  const isWellFormed = data === undefined || /^0x(?:[0-9a-fA-F]{2})*$/.test(data);
  const dataSize = data === undefined || !isWellFormed ? 0 : (data.length - 2) / 2;
  if (to === undefined) return { kind: 'deploy', value: valueText, dataSize };

  const target = getAddress(to);
  if (isWellFormed && dataSize === 0)
    return { kind: 'native-transfer', to: target, value: valueText };

  const undecoded: ActionView = {
    kind: 'contract-call',
    to: target,
    value: valueText,
    ...(isWellFormed && dataSize >= 4 ? { selector: data?.slice(0, 10).toLowerCase() as Hex } : {}),
    isDecoded: false,
  };
  if (!isWellFormed || data === undefined || dataSize < 4) return undecoded;

  const decoded = decodeErc20Call(data.toLowerCase() as Hex);
  if (decoded === undefined) return undecoded;

  const tokenReference = describeToken(target, knownTokens);
  const { functionName, args, reference } = decoded;
  const tail = reference === undefined ? {} : { reference };
  switch (functionName) {
    case 'transfer':
      return {
        kind: 'erc20-transfer',
        ...tokenReference,
        to: readAddress(args[0]),
        amount: readAmount(args[1]).toString(),
        value: valueText,
        ...tail,
      };
    case 'approve':
    case 'increaseAllowance': {
      const amount = readAmount(args[1]);
      return {
        kind: functionName === 'approve' ? 'erc20-approve' : 'erc20-increase-allowance',
        ...tokenReference,
        spender: readAddress(args[0]),
        amount: amount.toString(),
        isUnlimited: amount >= unlimitedThreshold,
        value: valueText,
        ...tail,
      };
    }
    case 'transferFrom':
      return {
        kind: 'erc20-transfer-from',
        ...tokenReference,
        from: readAddress(args[0]),
        to: readAddress(args[1]),
        amount: readAmount(args[2]).toString(),
        value: valueText,
        ...tail,
      };
  }
}

type DecodedErc20Call = {
  functionName: Erc20FunctionName;
  args: readonly unknown[];
  reference: Hex | undefined;
};

/** `data`: lowercase, well-formed, at least 4 bytes. */
function decodeErc20Call(data: Hex): DecodedErc20Call | undefined {
  const item = erc20Functions.get(data.slice(0, 10) as Hex);
  if (item === undefined) return undefined;
  const argumentsEnd = 2 + 2 * (4 + 32 * item.inputs.length);
  if (data.length < argumentsEnd) return undefined;
  const head = data.slice(0, argumentsEnd) as Hex;
  const abi: Abi = [item];
  try {
    const { functionName, args = [] } = decodeFunctionData({ abi, data: head });
    // Canonical or nothing: an address word with high bytes set, say, re-encodes differently.
    if (encodeFunctionData({ abi, functionName, args }) !== head) return undefined;
    const isTyped = item.inputs.every(({ type }, index) =>
      type === 'address' ? typeof args[index] === 'string' : typeof args[index] === 'bigint',
    );
    if (!isTyped) return undefined;
    return {
      functionName: functionName as Erc20FunctionName,
      args,
      reference: data.length > argumentsEnd ? `0x${data.slice(argumentsEnd)}` : undefined,
    };
  } catch {
    return undefined;
  }
}

function describeToken(
  token: Address,
  knownTokens: DescribeTransactionParameters['knownTokens'],
): TokenReference {
  const known = knownTokens.find(
    (candidate) => candidate.address.toLowerCase() === token.toLowerCase(),
  );
  return known === undefined
    ? { token }
    : { token, tokenSymbol: known.symbol, tokenDecimals: known.decimals };
}

/** decodeErc20Call checked the types: viem gives checksummed addresses and bigints. */
function readAddress(value: unknown): Address {
  return value as Address;
}

function readAmount(value: unknown): bigint {
  return value as bigint;
}

/**
 * Assumes nothing about `typedData` (a page's eth_signTypedData_v4 input, string or object): it is
 * parsed strictly first, and malformed input is `generic` with `isWellFormed: false`. A permit is
 * recognised only when the primary struct and every struct it uses are exactly the published
 * definitions (same fields, types and order) and the domain names the contract that honours it;
 * a look-alike is `generic`. Never throws.
 */
import { getAddress } from 'viem';
import type { Address, Hex } from 'viem';
import type { KnownToken } from '../../../shared/chains/devChainTokens.ts';
import type {
  AllowanceView,
  PermitView,
  TokenReference,
  TypedDataDomainView,
  TypedDataView,
} from '../../../shared/protocol/ActionView.ts';
import { parseTypedData } from './parseTypedData.ts';
import type { ParsedTypedData, TypedDataField } from './parseTypedData.ts';

export type DescribeTypedDataParameters = {
  typedData: unknown;
  /** Tokens of the active chain, to name amounts; unknown tokens are still described. */
  knownTokens?: readonly Pick<KnownToken, 'address' | 'symbol' | 'decimals'>[];
};
export type DescribeTypedDataReturnType = TypedDataView;

/** Uniswap's Permit2, at the same address on every chain (CREATE2). */
export const permit2Address: Address = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

type Definitions = Readonly<Record<string, readonly TypedDataField[]>>;

// EIP-2612; OpenZeppelin's ERC20Permit.
const permitTypes: Definitions = {
  Permit: fields('address owner,address spender,uint256 value,uint256 nonce,uint256 deadline'),
};
// MakerDAO's Dai.sol.
const daiPermitTypes: Definitions = {
  Permit: fields('address holder,address spender,uint256 nonce,uint256 expiry,bool allowed'),
};
// Uniswap permit2, src/libraries/PermitHash.sol (the deployed contract: uint48 expiration, nonce).
const permitDetails = fields('address token,uint160 amount,uint48 expiration,uint48 nonce');
const tokenPermissions = fields('address token,uint256 amount');
const permitSingleTypes: Definitions = {
  PermitSingle: fields('PermitDetails details,address spender,uint256 sigDeadline'),
  PermitDetails: permitDetails,
};
const permitBatchTypes: Definitions = {
  PermitBatch: fields('PermitDetails[] details,address spender,uint256 sigDeadline'),
  PermitDetails: permitDetails,
};
const permitTransferFromTypes: Definitions = {
  PermitTransferFrom: fields(
    'TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline',
  ),
  TokenPermissions: tokenPermissions,
};
const permitBatchTransferFromTypes: Definitions = {
  PermitBatchTransferFrom: fields(
    'TokenPermissions[] permitted,address spender,uint256 nonce,uint256 deadline',
  ),
  TokenPermissions: tokenPermissions,
};

const uint256Unlimited = 2n ** 255n;
const uint160Unlimited = 2n ** 159n;
const maxUint256 = 2n ** 256n - 1n;

export function describeTypedData({
  typedData,
  knownTokens = [],
}: DescribeTypedDataParameters): DescribeTypedDataReturnType {
  let parsed: ParsedTypedData;
  try {
    parsed = parseTypedData({ typedData });
  } catch {
    return { kind: 'generic', domain: {}, isWellFormed: false };
  }
  try {
    return recognise(parsed, knownTokens) ?? generic(parsed);
  } catch {
    // parseTypedData checked every value's type; reaching this is a bug, and unknown is safe.
    return generic(parsed);
  }
}

function recognise(
  { types, primaryType, domain, message }: ParsedTypedData,
  knownTokens: NonNullable<DescribeTypedDataParameters['knownTokens']>,
): PermitView | undefined {
  const domainView = describeDomain(domain);
  const verifyingContract = domainView.verifyingContract;
  if (verifyingContract === undefined) return undefined;
  const token = (address: unknown): TokenReference =>
    describeToken(address as Address, knownTokens);
  const isPermit2 = verifyingContract === permit2Address;
  const matches = (definitions: Definitions): boolean =>
    Object.hasOwn(definitions, primaryType) && usesExactly(types, primaryType, definitions);

  if (!isPermit2 && matches(permitTypes)) {
    const amount = message.value as bigint;
    return {
      kind: 'permit',
      spender: message.spender as Address,
      owner: message.owner as Address,
      allowances: [
        {
          ...token(verifyingContract),
          amount: amount.toString(),
          isUnlimited: amount >= uint256Unlimited,
        },
      ],
      deadline: (message.deadline as bigint).toString(),
      domain: domainView,
    };
  }
  if (!isPermit2 && matches(daiPermitTypes)) {
    // Dai.sol: `allowed` sets the allowance to uint256 max or to 0; `expiry` 0 means no deadline.
    const isAllowed = message.allowed as boolean;
    const expiry = message.expiry as bigint;
    return {
      kind: 'dai-permit',
      spender: message.spender as Address,
      owner: message.holder as Address,
      allowances: [
        {
          ...token(verifyingContract),
          amount: (isAllowed ? maxUint256 : 0n).toString(),
          isUnlimited: isAllowed,
        },
      ],
      ...(expiry === 0n ? {} : { deadline: expiry.toString() }),
      domain: domainView,
    };
  }
  if (!isPermit2) return undefined;

  const detailsAllowance = (details: unknown): AllowanceView => {
    const { token: address, amount, expiration } = details as Record<string, unknown>;
    return {
      ...token(address),
      amount: (amount as bigint).toString(),
      isUnlimited: (amount as bigint) >= uint160Unlimited,
      expiresAt: (expiration as bigint).toString(),
    };
  };
  const deadlineAllowance =
    (deadline: bigint) =>
    (permitted: unknown): AllowanceView => {
      const { token: address, amount } = permitted as Record<string, unknown>;
      return {
        ...token(address),
        amount: (amount as bigint).toString(),
        isUnlimited: (amount as bigint) >= uint256Unlimited,
        expiresAt: deadline.toString(),
      };
    };

  if (matches(permitSingleTypes) || matches(permitBatchTypes)) {
    const details = message.details;
    return {
      kind: Array.isArray(details) ? 'permit2-batch' : 'permit2-single',
      spender: message.spender as Address,
      allowances: Array.isArray(details)
        ? details.map(detailsAllowance)
        : [detailsAllowance(details)],
      deadline: (message.sigDeadline as bigint).toString(),
      domain: domainView,
    };
  }
  if (matches(permitTransferFromTypes) || matches(permitBatchTransferFromTypes)) {
    const permitted = message.permitted;
    const deadline = message.deadline as bigint;
    const toAllowance = deadlineAllowance(deadline);
    return {
      kind: Array.isArray(permitted) ? 'permit2-batch-transfer' : 'permit2-transfer',
      spender: message.spender as Address,
      allowances: Array.isArray(permitted) ? permitted.map(toAllowance) : [toAllowance(permitted)],
      deadline: deadline.toString(),
      domain: domainView,
    };
  }
  return undefined;
}

/**
 * Whether `primaryType` and every struct it reaches are declared exactly as in `definitions`
 * (which lists the primary type and its dependencies, nothing else).
 */
function usesExactly(types: Definitions, primaryType: string, definitions: Definitions): boolean {
  const reached = new Set<string>();
  const pending = [primaryType];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    const actual = types[name];
    const expected = definitions[name];
    if (actual === undefined || expected === undefined || actual.length !== expected.length)
      return false;
    for (const [index, field] of actual.entries()) {
      const wanted = expected[index];
      if (wanted === undefined || field.name !== wanted.name || field.type !== wanted.type)
        return false;
      const base = field.type.replace(/(\[[0-9]*\])+$/, '');
      if (Object.hasOwn(types, base)) pending.push(base);
    }
  }
  return reached.size === Object.keys(definitions).length;
}

function generic({ primaryType, domain }: ParsedTypedData): TypedDataView {
  return { kind: 'generic', primaryType, domain: describeDomain(domain), isWellFormed: true };
}

/** parseTypedData fixed the standard fields' types (bigint chain id, checksummed address). */
function describeDomain(domain: ParsedTypedData['domain']): TypedDataDomainView {
  const { name, version, chainId, verifyingContract, salt } = domain;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof version === 'string' ? { version } : {}),
    ...(typeof chainId === 'bigint' ? { chainId: chainId.toString() } : {}),
    ...(typeof verifyingContract === 'string'
      ? { verifyingContract: getAddress(verifyingContract) }
      : {}),
    ...(typeof salt === 'string' ? { salt: salt as Hex } : {}),
  };
}

function describeToken(
  token: Address,
  knownTokens: NonNullable<DescribeTypedDataParameters['knownTokens']>,
): TokenReference {
  const known = knownTokens.find(
    (candidate) => candidate.address.toLowerCase() === token.toLowerCase(),
  );
  return known === undefined
    ? { token }
    : { token, tokenSymbol: known.symbol, tokenDecimals: known.decimals };
}

/** `"address owner,uint256 value"` → [{ name: 'owner', type: 'address' }, …] */
function fields(declaration: string): readonly TypedDataField[] {
  return declaration.split(',').map((member) => {
    const [type = '', name = ''] = member.split(' ');
    return { name, type };
  });
}

/**
 * Parsers for untrusted JSON-RPC params: each returns the checked value or throws -32602 naming
 * the field. Quantities are JSON-RPC hex (no leading zeros), at most 2^256 − 1.
 */
import { getAddress, isAddress } from 'viem';
import type { Address, Hex } from 'viem';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';

const maxUint256 = 2n ** 256n - 1n;
const maxDataBytes = 128 * 1024;

export function invalidParam(param: string, message: string): ProviderRpcError {
  return new ProviderRpcError('invalidParams', message, { param });
}

export function readParamsArray(
  params: unknown,
  minimumLength: number,
  method: string,
): readonly unknown[] {
  if (!Array.isArray(params) || params.length < minimumLength) {
    throw invalidParam(
      'params',
      `${method} expects an array of at least ${minimumLength} parameter(s).`,
    );
  }
  return params;
}

export function readAddress(value: unknown, param: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) {
    throw invalidParam(param, `Expected "${param}" to be a 20-byte hex address.`);
  }
  // A mixed-case address must carry a valid EIP-55 checksum.
  if (
    value !== value.toLowerCase() &&
    value.slice(2) !== value.slice(2).toUpperCase() &&
    !isAddress(value)
  ) {
    throw invalidParam(param, `"${param}" has an invalid EIP-55 checksum.`);
  }
  return getAddress(value);
}

export function readQuantity(value: unknown, param: string): bigint {
  if (
    typeof value !== 'string' ||
    !/^0x(0|[1-9a-fA-F][0-9a-fA-F]*)$/.test(value) ||
    value.length > 66
  ) {
    throw invalidParam(param, `Expected "${param}" to be a hex quantity like 0x1a.`);
  }
  const quantity = BigInt(value);
  if (quantity > maxUint256) throw invalidParam(param, `"${param}" is larger than 2^256 − 1.`);
  return quantity;
}

export function readData(value: unknown, param: string): Hex {
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    throw invalidParam(param, `Expected "${param}" to be hex bytes like 0xa9059cbb….`);
  }
  if ((value.length - 2) / 2 > maxDataBytes)
    throw invalidParam(param, `"${param}" is larger than ${maxDataBytes} bytes.`);
  return value.toLowerCase() as Hex;
}

export function readChainIdHex(value: unknown, param: string): number {
  const chainId = readQuantity(value, param);
  if (chainId < 1n || chainId > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalidParam(param, `"${param}" must be a chain id between 1 and 2^53 − 1.`);
  }
  return Number(chainId);
}

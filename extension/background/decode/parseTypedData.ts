/**
 * Assumes nothing about `typedData`: a page sent it, as a JSON string (eth_signTypedData_v4) or an
 * object. Accepts EIP-712 strictly: `EIP712Domain` declared, every struct field present with a
 * value of its declared type, no undeclared keys, integers only in unambiguous forms, all within
 * size limits. Returns a fresh copy (integers as bigint, addresses checksummed) that viem hashes,
 * so what the wallet describes is exactly what it signs, however the caller's object changes later.
 */
import { getAddress, hashTypedData, isAddress } from 'viem';
import { InvalidTypedDataError } from './errors.ts';

export type TypedDataField = { readonly name: string; readonly type: string };

export type ParsedTypedData = {
  readonly types: Readonly<Record<string, readonly TypedDataField[]>>;
  readonly primaryType: string;
  readonly domain: Readonly<Record<string, unknown>>;
  readonly message: Readonly<Record<string, unknown>>;
};

export type ParseTypedDataParameters = { typedData: unknown };
export type ParseTypedDataReturnType = ParsedTypedData;
export type ParseTypedDataErrorType = InvalidTypedDataError;

/**
 * Generous for real permits and orders (Seaport uses about 60 fields and 100 values), small enough
 * that parsing and hashing stay well under a second in the service worker: viem re-encodes the
 * type graph for every struct value, so structs × fields × values is what these bound.
 */
export const typedDataLimits = {
  jsonLength: 100_000,
  structs: 32,
  /** Field declarations across all structs. */
  fields: 256,
  nameLength: 128,
  /** Nesting of structs and arrays inside the message. */
  depth: 16,
  /** Values visited in domain and message together (array elements and structs included). */
  values: 2_000,
  /** Characters of all string, bytes and integer-string values together. */
  characters: 100_000,
} as const;

type Budget = { values: number; characters: number };

/** The domain fields EIP-712 defines, with the only types they may have. */
const domainFieldTypes: Readonly<Record<string, string>> = {
  name: 'string',
  version: 'string',
  chainId: 'uint256',
  verifyingContract: 'address',
  salt: 'bytes32',
};

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const fieldTypePattern = /^([A-Za-z_$][A-Za-z0-9_$]*)((?:\[[1-9][0-9]{0,3}\]|\[\])*)$/;
const integerTypePattern = /^(u?)int([1-9][0-9]*)$/;
const fixedBytesTypePattern = /^bytes([1-9][0-9]*)$/;
const hexBytesPattern = /^0x(?:[0-9a-fA-F]{2})*$/;
const loneSurrogatePattern =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const forbiddenNames = new Set(['__proto__', 'constructor', 'prototype']);

export function parseTypedData({ typedData }: ParseTypedDataParameters): ParseTypedDataReturnType {
  const root = readRoot(typedData);
  const types = readTypes(root.types);
  const primaryType = root.primaryType;
  if (typeof primaryType !== 'string' || !Object.hasOwn(types, primaryType))
    fail('primaryType', 'the name of a struct in types');
  if (primaryType === 'EIP712Domain') fail('primaryType', 'a struct other than EIP712Domain');

  const budget: Budget = { values: 0, characters: 0 };
  const domain = readStruct(types, 'EIP712Domain', root.domain, 'domain', 0, budget);
  const message = readStruct(types, primaryType, root.message, 'message', 0, budget);
  const parsed: ParsedTypedData = { types, primaryType, domain, message };
  try {
    hashTypedData(parsed as never);
  } catch (cause) {
    fail('typedData', 'hashable as EIP-712', cause);
  }
  return parsed;
}

function readRoot(typedData: unknown): Record<string, unknown> {
  let root = typedData;
  if (typeof typedData === 'string') {
    if (typedData.length > typedDataLimits.jsonLength)
      fail('typedData', `at most ${typedDataLimits.jsonLength} characters of JSON`);
    try {
      root = JSON.parse(typedData);
    } catch {
      fail('typedData', 'valid JSON');
    }
  }
  if (!isPlainRecord(root)) fail('typedData', 'an object with types, primaryType, domain, message');
  return root;
}

function readTypes(raw: unknown): Record<string, readonly TypedDataField[]> {
  if (!isPlainRecord(raw)) fail('types', 'an object of struct definitions');
  const names = Object.keys(raw);
  if (names.length > typedDataLimits.structs)
    fail('types', `at most ${typedDataLimits.structs} structs`);
  const types: Record<string, readonly TypedDataField[]> = Object.create(null) as Record<
    string,
    readonly TypedDataField[]
  >;
  let fieldCount = 0;
  for (const name of names) {
    if (!isStructName(name))
      fail(`types.${name}`, 'named like an identifier, not like a Solidity type');
    const fields = readFields(raw[name], `types.${name}`);
    fieldCount += fields.length;
    if (fieldCount > typedDataLimits.fields)
      fail('types', `at most ${typedDataLimits.fields} fields in all`);
    types[name] = fields;
  }
  if (!Object.hasOwn(types, 'EIP712Domain')) fail('types.EIP712Domain', 'declared');
  for (const [name, fields] of Object.entries(types)) {
    for (const field of fields) {
      const parsed = fieldTypePattern.exec(field.type);
      const base = parsed?.[1];
      if (base === undefined || !(isAtomicType(base) || Object.hasOwn(types, base)))
        fail(`types.${name}.${field.name}`, 'an EIP-712 type or a struct declared in types');
    }
  }
  for (const field of types.EIP712Domain ?? []) {
    const expected = Object.hasOwn(domainFieldTypes, field.name)
      ? domainFieldTypes[field.name]
      : undefined;
    if (expected !== undefined && field.type !== expected)
      fail(`types.EIP712Domain.${field.name}`, `of type ${expected}`);
  }
  return types;
}

function readFields(raw: unknown, path: string): readonly TypedDataField[] {
  if (!Array.isArray(raw) || raw.length > typedDataLimits.fields)
    fail(path, `a list of at most ${typedDataLimits.fields} fields`);
  const seen = new Set<string>();
  return (raw as unknown[]).map((entry, index) => {
    if (!isPlainRecord(entry)) fail(`${path}[${index}]`, 'an object { name, type }');
    const { name, type } = entry;
    if (typeof name !== 'string' || !isIdentifier(name))
      fail(`${path}[${index}].name`, 'an identifier');
    if (seen.has(name)) fail(`${path}.${name}`, 'declared once');
    seen.add(name);
    if (typeof type !== 'string' || type.length > typedDataLimits.nameLength)
      fail(`${path}.${name}`, 'given a type');
    return { name, type };
  });
}

function readStruct(
  types: Readonly<Record<string, readonly TypedDataField[]>>,
  structName: string,
  value: unknown,
  path: string,
  depth: number,
  budget: Budget,
): Record<string, unknown> {
  const fields = types[structName] ?? [];
  if (!isPlainRecord(value)) fail(path, `an object (struct ${structName})`);
  for (const key of Object.keys(value)) {
    if (!fields.some((field) => field.name === key))
      fail(`${path}.${key}`, `absent: struct ${structName} does not declare it`);
  }
  const copy: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(value, field.name)) fail(`${path}.${field.name}`, 'present');
    copy[field.name] = readValue(
      types,
      field.type,
      value[field.name],
      `${path}.${field.name}`,
      depth + 1,
      budget,
    );
  }
  return copy;
}

function readValue(
  types: Readonly<Record<string, readonly TypedDataField[]>>,
  type: string,
  value: unknown,
  path: string,
  depth: number,
  budget: Budget,
): unknown {
  budget.values += 1;
  if (budget.values > typedDataLimits.values)
    fail(path, `within ${typedDataLimits.values} values in all`);
  if (depth > typedDataLimits.depth) fail(path, `nested at most ${typedDataLimits.depth} deep`);

  const array = /^(.*)\[([0-9]*)\]$/.exec(type);
  if (array) {
    const [, elementType = '', length] = array;
    if (!Array.isArray(value)) fail(path, `an array (${type})`);
    if (length !== '' && value.length !== Number(length))
      fail(path, `an array of exactly ${length} elements`);
    return (value as unknown[]).map((element, index) =>
      readValue(types, elementType, element, `${path}[${index}]`, depth + 1, budget),
    );
  }
  if (Object.hasOwn(types, type)) return readStruct(types, type, value, path, depth, budget);
  if (typeof value === 'string') {
    budget.characters += value.length;
    if (budget.characters > typedDataLimits.characters)
      fail(path, `within ${typedDataLimits.characters} characters of values in all`);
  }
  return readAtomic(type, value, path);
}

function readAtomic(type: string, value: unknown, path: string): unknown {
  if (type === 'address') {
    if (typeof value !== 'string' || !isAddress(value, { strict: true }))
      fail(path, 'an address (a mixed-case one with a valid EIP-55 checksum)');
    return getAddress(value);
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') fail(path, 'true or false');
    return value;
  }
  if (type === 'string') {
    if (typeof value !== 'string' || loneSurrogatePattern.test(value))
      fail(path, 'a string of well-formed Unicode');
    return value;
  }
  if (type === 'bytes') {
    if (typeof value !== 'string' || !hexBytesPattern.test(value))
      fail(path, 'hex bytes like 0x1234');
    return value.toLowerCase();
  }
  const fixedBytes = fixedBytesTypePattern.exec(type);
  if (fixedBytes) {
    const size = Number(fixedBytes[1]);
    if (typeof value !== 'string' || !hexBytesPattern.test(value) || value.length !== 2 + 2 * size)
      fail(path, `exactly ${size} bytes of hex`);
    return value.toLowerCase();
  }
  const integer = integerTypePattern.exec(type);
  if (integer) {
    const isSigned = integer[1] === '';
    const bits = BigInt(integer[2] ?? '0');
    const parsed = readInteger(value);
    const minimum = isSigned ? -(2n ** (bits - 1n)) : 0n;
    const maximum = isSigned ? 2n ** (bits - 1n) - 1n : 2n ** bits - 1n;
    if (parsed === undefined || parsed < minimum || parsed > maximum)
      fail(path, `an integer of type ${type}: a safe number, a decimal string or 0x-hex`);
    return parsed;
  }
  return fail(path, 'of a known type');
}

/** Only forms whose meaning no implementation disputes: no floats, spaces, signs on hex. */
function readInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^-?(?:0|[1-9][0-9]*)$/.test(value) || /^0x[0-9a-fA-F]+$/.test(value)) return BigInt(value);
  return undefined;
}

function isAtomicType(type: string): boolean {
  if (type === 'address' || type === 'bool' || type === 'string' || type === 'bytes') return true;
  const fixedBytes = fixedBytesTypePattern.exec(type);
  if (fixedBytes) return Number(fixedBytes[1]) <= 32;
  const integer = integerTypePattern.exec(type);
  if (integer) {
    const bits = Number(integer[2]);
    return bits <= 256 && bits % 8 === 0;
  }
  return false;
}

function isStructName(name: string): boolean {
  return (
    isIdentifier(name) &&
    !['address', 'bool', 'string'].includes(name) &&
    !/^(u?int|bytes)[0-9]*$/.test(name)
  );
}

function isIdentifier(name: string): boolean {
  return (
    name.length <= typedDataLimits.nameLength &&
    identifierPattern.test(name) &&
    !forbiddenNames.has(name)
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function fail(field: string, expected: string, cause?: unknown): never {
  throw new InvalidTypedDataError({ field, expected, cause });
}

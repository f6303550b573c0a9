// Test support: fast-check values for a JSON Schema (the subset TypeBox emits into the OpenAPI
// document), mostly valid so requests get past validation into the route, with a hostile value
// now and then at any depth: wrong types, huge and negative numbers, numbers JSON cannot hold,
// unknown codes, overlong strings, prototype keys, unknown and missing fields.
import fc from 'fast-check';
import { RawJson } from './toJsonText.ts';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  /** Documented examples: used often, so that requests get past the routes' own checks. */
  examples?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  minProperties?: number;
  maxProperties?: number;
};

export type ArbitraryFromSchemaParameters = {
  schema: JsonSchema;
  /** 1 in `hostileOneIn` values (at each depth) is hostile. Default 8. */
  hostileOneIn?: number;
};

const hugeDigits = '9'.repeat(400);

/** Values no schema of ours should take, whatever the field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0,
    0.5,
    1e308,
    -1e308,
    2 ** 53,
    2 ** 64,
    -(2 ** 63),
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '-1',
    '-0',
    '0',
    '1e3',
    '0x10',
    '24.00',
    hugeDigits,
    '18446744073709551616',
    'XXX',
    'ZZZ',
    'eur',
    'EURO',
    'USDT',
    '__proto__',
    'constructor',
    'prototype',
    '\u0000',
    '\u202e',
    '😀'.repeat(100),
    'x'.repeat(10_000),
    "'; drop table merchants; --",
    '0x0000000000000000000000000000000000000000',
    'javascript:alert(1)',
    'http://169.254.169.254/latest/meta-data',
    {},
    [],
    [[]],
    new RawJson('1e309'),
    new RawJson('-1e309'),
    new RawJson(`1${'0'.repeat(400)}`),
    new RawJson('-0.0'),
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Mostly valid values of `schema`; hostile ones (see `hostileValue`) at any depth, now and then. */
export function arbitraryFromSchema({
  schema,
  hostileOneIn = 8,
}: ArbitraryFromSchemaParameters): fc.Arbitrary<unknown> {
  const build = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: hostileOneIn - 1, arbitrary: validFor(node, depth) },
      { weight: 1, arbitrary: hostileValue },
    );

  const validFor = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const generated = generatedFor(node, depth);
    if (node.examples === undefined || node.examples.length === 0) return generated;
    return fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...node.examples) },
      { weight: 1, arbitrary: generated },
    );
  };

  const generatedFor = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum !== undefined) return fc.constantFrom(...node.enum);
    const alternatives = node.anyOf ?? node.oneOf;
    if (alternatives !== undefined) {
      return fc.oneof(...alternatives.map((alternative) => validFor(alternative, depth)));
    }
    const type = Array.isArray(node.type) ? node.type[0] : node.type;
    switch (type) {
      case 'string':
        return stringFor(node);
      case 'integer':
        return numberFor(node, true);
      case 'number':
        return numberFor(node, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return arrayFor(node, depth);
      case 'object':
        return objectFor(node, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };

  const arrayFor = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const minLength = node.minItems ?? 0;
    const maxLength = Math.max(minLength, Math.min(node.maxItems ?? 4, minLength + 4));
    const items = build(node.items ?? {}, depth + 1);
    return node.uniqueItems === true
      ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
      : fc.array(items, { minLength, maxLength });
  };

  const objectFor = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = node.properties ?? {};
    const names = Object.keys(properties);
    if (names.length === 0) {
      const [keyPattern, patternValues] = Object.entries(node.patternProperties ?? {})[0] ?? [];
      const values =
        patternValues !== undefined
          ? build(patternValues, depth + 1)
          : typeof node.additionalProperties === 'object'
            ? build(node.additionalProperties, depth + 1)
            : fc.jsonValue({ maxDepth: 1 });
      const keys =
        keyPattern === undefined
          ? fc.string({ minLength: 1, maxLength: 12 })
          : fc.oneof(
              { weight: 6, arbitrary: fc.stringMatching(new RegExp(keyPattern)) },
              { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
            );
      const minKeys = node.minProperties ?? 0;
      return fc.dictionary(keys, values, {
        minKeys,
        maxKeys: Math.max(minKeys, Math.min(node.maxProperties ?? 4, minKeys + 4)),
      });
    }
    const record = fc.record(
      Object.fromEntries(names.map((name) => [name, build(properties[name] ?? {}, depth + 1)])),
      { requiredKeys: node.required ?? [] },
    );
    // Now and then a field too many (unknown, or a prototype key) or a required one missing.
    return fc.oneof(
      { weight: 10, arbitrary: record },
      {
        weight: 1,
        arbitrary: fc
          .tuple(record, fc.constantFrom('unknown_field', 'constructor', 'prototype', 'toString'))
          .map(([value, extra]) => ({ ...(value as object), [extra]: 'x' })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(record, fc.constantFrom(...names)).map(([value, dropped]) => {
          const { [dropped]: _dropped, ...rest } = value as Record<string, unknown>;
          return rest;
        }),
      },
    );
  };

  return build(schema, 0);
}

function stringFor(node: JsonSchema): fc.Arbitrary<unknown> {
  if (node.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  const minLength = node.minLength ?? 0;
  if (node.pattern !== undefined) {
    const maxPatternLength = node.maxLength ?? Number.POSITIVE_INFINITY;
    return fc
      .stringMatching(new RegExp(node.pattern))
      .filter((text) => text.length >= minLength && text.length <= maxPatternLength);
  }
  const maxLength = node.maxLength ?? minLength + 40;
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40) }),
    fc.constant('y'.repeat(maxLength)),
  );
}

function numberFor(node: JsonSchema, isInteger: boolean): fc.Arbitrary<unknown> {
  const minimum = Math.max(node.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
  const maximum = Math.min(node.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  const edges = fc.constantFrom(minimum, maximum);
  if (!isInteger) return fc.oneof(fc.double({ min: minimum, max: maximum, noNaN: true }), edges);
  const small = fc.integer({
    min: Math.max(minimum, -(2 ** 31)),
    max: Math.min(maximum, 2 ** 31 - 1),
  });
  // 31337, the dev chain, makes chain ids valid often enough to reach the routes' own checks.
  const devChain = 31337 >= minimum && 31337 <= maximum ? [fc.constant(31337)] : [];
  return fc.oneof(small, edges, ...devChain);
}

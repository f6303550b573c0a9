import fc from 'fast-check';
import { hashTypedData } from 'viem';
import { describe, expect, it } from 'vitest';
import { InvalidTypedDataError } from './errors.ts';
import vectors from './fixtures/eip712-vectors.json' with { type: 'json' };
import { parseTypedData, typedDataLimits } from './parseTypedData.ts';

const mail = vectors.mail.typedData;

type Struct = Record<string, unknown>;
type Fields = { name: string; type: string }[];
/** The Mail example, typed loosely enough for tests to break it on purpose. */
type EditableMail = {
  types: Record<string, Fields> & { EIP712Domain: Fields; Person: Fields; Mail: Fields };
  primaryType: unknown;
  domain: Struct;
  message: Struct & { from: Struct; to: Struct };
};

/** A fresh, mutable copy of the spec's Mail example with `edit` applied. */
function mailWith(edit: (typedData: EditableMail) => void): EditableMail {
  const copy = structuredClone(mail) as EditableMail;
  edit(copy);
  return copy;
}

function rejection(typedData: unknown): InvalidTypedDataError {
  try {
    parseTypedData({ typedData });
  } catch (error) {
    if (error instanceof InvalidTypedDataError) return error;
    throw error;
  }
  throw new Error('parseTypedData accepted it');
}

const uintTyped = (type: string, value: unknown) => ({
  types: {
    EIP712Domain: [{ name: 'chainId', type: 'uint256' }],
    M: [{ name: 'a', type }],
    Inner: [{ name: 'x', type: 'uint256' }],
  },
  primaryType: 'M',
  domain: { chainId: 1 },
  message: { a: value },
});

describe('parseTypedData', () => {
  describe('known answers (EIP-712 spec, MetaMask eth-sig-util)', () => {
    it('parses the spec Mail example to data viem hashes to the spec digest', () => {
      const parsed = parseTypedData({ typedData: mail });
      expect(hashTypedData(parsed as never)).toBe(vectors.mail.signHash);
    });

    it('parses the same example sent as a JSON string', () => {
      const parsed = parseTypedData({ typedData: JSON.stringify(mail) });
      expect(hashTypedData(parsed as never)).toBe(vectors.mail.signHash);
    });

    it('parses arrays of structs (eth-sig-util v4 Mail)', () => {
      const parsed = parseTypedData({ typedData: vectors.mailWithArrays.typedData });
      expect(hashTypedData(parsed as never)).toBe(vectors.mailWithArrays.signHash);
    });
  });

  describe('normalization', () => {
    it('reads integers from safe numbers, decimal strings and hex into bigints', () => {
      for (const value of [1000, '1000', '0x3e8', '0x3E8', 1000n]) {
        expect(parseTypedData({ typedData: uintTyped('uint256', value) }).message.a).toBe(1000n);
      }
      expect(parseTypedData({ typedData: uintTyped('int8', '-128') }).message.a).toBe(-128n);
      expect(parseTypedData({ typedData: uintTyped('uint256', 1) }).domain.chainId).toBe(1n);
    });

    it('checksums addresses and lower-cases bytes', () => {
      const parsed = parseTypedData({
        typedData: {
          types: {
            EIP712Domain: [{ name: 'verifyingContract', type: 'address' }],
            M: [
              { name: 'who', type: 'address' },
              { name: 'blob', type: 'bytes' },
              { name: 'word', type: 'bytes4' },
            ],
          },
          primaryType: 'M',
          domain: { verifyingContract: '0xcccccccccccccccccccccccccccccccccccccccc' },
          message: {
            who: '0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826',
            blob: '0xABCD',
            word: '0xDEADBEEF',
          },
        },
      });
      expect(parsed.domain.verifyingContract).toBe('0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC');
      expect(parsed.message).toEqual({
        who: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826',
        blob: '0xabcd',
        word: '0xdeadbeef',
      });
    });

    it('returns a copy that later changes to the input cannot reach', () => {
      const input = mailWith(() => undefined);
      const parsed = parseTypedData({ typedData: input });
      input.message.contents = 'Send everything to Eve';
      input.types.Mail.push({ name: 'extra', type: 'string' });
      expect(hashTypedData(parsed as never)).toBe(vectors.mail.signHash);
    });
  });

  describe('refusals', () => {
    it.each([
      ['not JSON', '{"types": '],
      ['JSON that is not an object', '[1, 2]'],
      ['null', null],
      ['a number', 42],
    ])('refuses %s', (_label, typedData) => {
      expect(rejection(typedData).code).toBe('signing/invalid-typed-data');
    });

    it('refuses JSON longer than the limit before parsing it', () => {
      const padded = JSON.stringify(mail).replace(
        '{',
        `{"padding":"${'x'.repeat(typedDataLimits.jsonLength)}",`,
      );
      expect(rejection(padded).details.field).toBe('typedData');
    });

    it('needs EIP712Domain declared', () => {
      expect(
        rejection(mailWith((t) => Reflect.deleteProperty(t.types, 'EIP712Domain'))).details.field,
      ).toBe('types.EIP712Domain');
    });

    it('needs primaryType to be a declared struct other than EIP712Domain', () => {
      expect(rejection(mailWith((t) => (t.primaryType = 'Letter'))).details.field).toBe(
        'primaryType',
      );
      expect(rejection(mailWith((t) => (t.primaryType = 'EIP712Domain'))).details.field).toBe(
        'primaryType',
      );
      expect(rejection(mailWith((t) => (t.primaryType = ['Mail']))).details.field).toBe(
        'primaryType',
      );
    });

    it('refuses a message key its struct does not declare (it would not be signed)', () => {
      expect(rejection(mailWith((t) => (t.message.amount = '1000000'))).details.field).toBe(
        'message.amount',
      );
    });

    it('refuses a domain key EIP712Domain does not declare', () => {
      expect(
        rejection(mailWith((t) => (t.domain.salt = `0x${'00'.repeat(32)}`))).details.field,
      ).toBe('domain.salt');
    });

    it('refuses a missing field', () => {
      expect(rejection(mailWith((t) => delete t.message.to.wallet)).details.field).toBe(
        'message.to.wallet',
      );
    });

    it('refuses a standard domain field declared with another type', () => {
      expect(
        rejection(
          mailWith((t) => {
            t.types.EIP712Domain = t.types.EIP712Domain.map((field) =>
              field.name === 'chainId' ? { ...field, type: 'string' } : field,
            );
          }),
        ).details.field,
      ).toBe('types.EIP712Domain.chainId');
    });

    it.each([
      ['uint7 (not a multiple of 8)', 'uint7'],
      ['uint264 (too wide)', 'uint264'],
      ['bytes33', 'bytes33'],
      ['bare uint', 'uint'],
      ['an undeclared struct', 'Letter'],
      ['a malformed array', 'uint256[x]'],
      ['a zero-length array', 'uint256[0]'],
    ])('refuses a field of type %s', (_label, type) => {
      expect(rejection(uintTyped(type, 1)).details.field).toBe('types.M.a');
    });

    it.each(['uint256', 'address', 'bytes32', 'bool', 'string'])(
      'refuses a struct named like the Solidity type %s',
      (name) => {
        const typedData = mailWith((t) => {
          t.types[name] = [{ name: 'x', type: 'string' }];
        });
        expect(rejection(typedData).details.field).toBe(`types.${name}`);
      },
    );

    it('refuses prototype-polluting names', () => {
      const viaJson = JSON.stringify(mail).replace('"Person":', '"__proto__":');
      expect(rejection(viaJson).code).toBe('signing/invalid-typed-data');
      const fieldName = mailWith((t) => {
        t.types.Person = [{ name: 'constructor', type: 'string' }, ...t.types.Person.slice(1)];
      });
      expect(rejection(fieldName).details.field).toBe('types.Person[0].name');
    });

    it('refuses a field declared twice', () => {
      expect(
        rejection(mailWith((t) => t.types.Person.push({ name: 'name', type: 'string' }))).details
          .field,
      ).toBe('types.Person.name');
    });

    it.each([
      ['a negative uint', 'uint256', -1],
      ['a uint8 above 255', 'uint8', 256],
      ['an int8 below -128', 'int8', '-129'],
      ['an unsafe number', 'uint256', 2 ** 53],
      ['a float', 'uint256', 1.5],
      ['exponent notation', 'uint256', '1e6'],
      ['leading spaces', 'uint256', ' 1'],
      ['leading zeros', 'uint256', '01'],
      ['an empty string', 'uint256', ''],
      ['bare 0x', 'uint256', '0x'],
      ['negative hex', 'int256', '-0x1'],
      ['a boolean', 'uint256', true],
      ['a string for bool', 'bool', 'true'],
      ['a number for string', 'string', 5],
      ['a lone surrogate', 'string', 'a\uD800b'],
      ['an address with a bad checksum', 'address', '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827'],
      ['a short address', 'address', '0x1234'],
      ['odd-length bytes', 'bytes', '0x123'],
      ['bytes4 of 3 bytes', 'bytes4', '0x123456'],
      ['an object for uint', 'uint256', { value: 1 }],
      ['a fixed array of the wrong length', 'uint256[2]', [1, 2, 3]],
      ['a non-array for an array', 'uint256[]', '1,2'],
      ['an array for a struct', 'Inner', [1]],
    ])('refuses %s', (_label, type, value) => {
      expect(rejection(uintTyped(type, value)).details.field).toMatch(/^message\.a/);
    });

    it('bounds nesting depth and the number of values', () => {
      const deep = uintTyped('uint256[][][][][][][][][][][][][][][][][][]', [
        [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]],
      ]);
      expect(rejection(deep).details.expected).toMatch(/nested/);
      const wide = uintTyped(
        'uint8[]',
        Array.from({ length: typedDataLimits.values + 1 }, () => 1),
      );
      expect(rejection(wide).details.expected).toMatch(/values/);
    });

    it('bounds the number of structs and of field declarations', () => {
      const manyStructs = mailWith((t) => {
        for (let index = 0; index < typedDataLimits.structs; index += 1)
          t.types[`Extra${index}`] = [{ name: 'x', type: 'bool' }];
      });
      expect(rejection(manyStructs).details.expected).toMatch(/structs/);
      const manyFields = mailWith((t) => {
        t.types.Wide = Array.from({ length: typedDataLimits.fields }, (_, index) => ({
          name: `f${index}`,
          type: 'bool',
        }));
      });
      expect(rejection(manyFields).details.expected).toMatch(/fields/);
    });

    it('bounds the characters of all values together', () => {
      const half = 'x'.repeat(typedDataLimits.characters / 2);
      const typedData = mailWith((t) => {
        t.message.contents = half;
        t.message.from = { ...t.message.from, name: half };
      });
      expect(rejection(typedData).details.expected).toMatch(/characters/);
    });

    it('never throws anything but InvalidTypedDataError on arbitrary JSON', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          for (const typedData of [value, JSON.stringify(value), { ...mail, message: value }]) {
            try {
              parseTypedData({ typedData });
            } catch (error) {
              expect(error).toBeInstanceOf(InvalidTypedDataError);
            }
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});

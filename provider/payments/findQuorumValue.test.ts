import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findQuorumValue } from './findQuorumValue.ts';
import { quorumSize } from './quorumSize.ts';
import { toCanonicalKey } from './toCanonicalKey.ts';

describe('findQuorumValue', () => {
  test('accepts the value a quorum shares, whatever the case of its hex', () => {
    expect(
      findQuorumValue({
        answers: [{ hash: '0xAB' }, { hash: '0xab' }, { hash: '0xcd' }],
        quorum: 2,
      }),
    ).toEqual({ status: 'agreed', value: { hash: '0xAB' }, agreeing: 2 });
  });

  test('a split or silent set of endpoints is no quorum, never a guess', () => {
    expect(findQuorumValue({ answers: ['0x01', '0x02', undefined, undefined], quorum: 3 })).toEqual(
      { status: 'no_quorum', answered: 2, largestAgreement: 1 },
    );
    expect(findQuorumValue({ answers: ['0x01', '0x01', '0x02', '0x02'], quorum: 2 }).status).toBe(
      'no_quorum',
    );
  });

  test('no value is ever accepted unless at least q answers are that value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom('0x01', '0x02', '0x03', 1n, null), { nil: undefined }), {
          minLength: 1,
          maxLength: 12,
        }),
        (answers) => {
          const { quorum } = quorumSize({ endpointCount: answers.length });
          const outcome = findQuorumValue({ answers, quorum });
          if (outcome.status === 'agreed') {
            const key = toCanonicalKey(outcome.value);
            const sharing = answers.filter(
              (answer) => answer !== undefined && toCanonicalKey(answer) === key,
            ).length;
            expect(sharing).toBeGreaterThanOrEqual(quorum);
          }
        },
      ),
    );
  });

  test('with at most f liars, colluding or not, the honest value wins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.array(fc.option(fc.constantFrom('0xbad', '0xbad2', null), { nil: undefined }), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.nat(),
        (endpointCount, liarPool, seed) => {
          const { faultTolerance, quorum } = quorumSize({ endpointCount });
          const honest = Array.from({ length: endpointCount - faultTolerance }, () => '0x600d');
          const answers = [...honest, ...liarPool.slice(0, faultTolerance)];
          // Shuffle: the position of the liars must not matter.
          const shuffled = answers
            .map((answer, index) => ({ answer, order: (index * 7919 + seed) % 104_729 }))
            .sort((left, right) => left.order - right.order)
            .map(({ answer }) => answer);
          expect(findQuorumValue({ answers: shuffled, quorum })).toMatchObject({
            status: 'agreed',
            value: '0x600d',
          });
        },
      ),
    );
  });
});

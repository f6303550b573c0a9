import { describe, expect, it } from 'vitest';
import { isSameWord } from './isSameWord.ts';
import { pickConfirmationPositions } from './pickConfirmationPositions.ts';
import { splitPhrase } from './splitPhrase.ts';

describe('splitPhrase', () => {
  it('splits on any whitespace, including the ideographic space of Japanese phrases', () => {
    expect(splitPhrase('  abandon  ability\nable ')).toEqual(['abandon', 'ability', 'able']);
    expect(splitPhrase('あいこくしん\u3000あいさつ')).toEqual(['あいこくしん', 'あいさつ']);
    expect(splitPhrase('   ')).toEqual([]);
  });
});

describe('isSameWord', () => {
  it('ignores case, surrounding spaces and Unicode composition', () => {
    expect(isSameWord(' Apple ', 'apple')).toBe(true);
    expect(isSameWord('caf\u00e9', 'cafe\u0301')).toBe(true);
    expect(isSameWord('apples', 'apple')).toBe(false);
    expect(isSameWord('', '')).toBe(false);
  });
});

describe('pickConfirmationPositions', () => {
  it('returns distinct 1-based positions in ascending order', () => {
    for (let run = 0; run < 200; run++) {
      const positions = pickConfirmationPositions({ wordCount: 12, count: 3 });
      expect(positions).toHaveLength(3);
      expect(new Set(positions).size).toBe(3);
      expect([...positions].sort((left, right) => left - right)).toEqual(positions);
      for (const position of positions) {
        expect(position).toBeGreaterThanOrEqual(1);
        expect(position).toBeLessThanOrEqual(12);
      }
    }
  });

  it('reaches every position over many draws', () => {
    const seen = new Set<number>();
    for (let run = 0; run < 500; run++) {
      for (const position of pickConfirmationPositions({ wordCount: 24, count: 3 })) {
        seen.add(position);
      }
    }
    expect(seen.size).toBe(24);
  });

  it('follows the random source it is given', () => {
    expect(pickConfirmationPositions({ wordCount: 12, count: 3, randomInt: () => 0 })).toEqual([
      1, 2, 3,
    ]);
    expect(
      pickConfirmationPositions({ wordCount: 12, count: 3, randomInt: (maximum) => maximum - 1 }),
    ).toEqual([1, 2, 12]);
  });

  it('refuses to pick more positions than there are words', () => {
    expect(() => pickConfirmationPositions({ wordCount: 2, count: 3 })).toThrow(RangeError);
  });
});

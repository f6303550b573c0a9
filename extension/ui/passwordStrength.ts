/**
 * A small, honest estimate of how hard a password is to guess: bits = effective length ×
 * log2(alphabet size), where characters an attacker guesses cheaply (a common password, a year,
 * a run like "aaaa", "1234" or "qwer") count for little. It is a hint for people, not a
 * guarantee: it knows a few dozen common passwords, not a dictionary. The vault's memory-hard
 * KDF slows each guess; this meter only nudges people away from the first guesses.
 */

export const minimumPasswordLength = 8;

export type PasswordStrengthLevel = 'too-short' | 'weak' | 'fair' | 'good' | 'strong';
export type PasswordWeakness = 'common' | 'sequence' | 'repeat' | 'year' | 'one-kind';
export type PasswordStrength = {
  readonly level: PasswordStrengthLevel;
  /** 0 (too short) to 4 (strong): how many meter segments to fill. */
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly bits: number;
  readonly weaknesses: readonly PasswordWeakness[];
};

// The most common passwords and their stems (public breach-corpus top lists), compared after
// undoing common letter substitutions ("p@ssw0rd" is "password").
const commonPasswords = [
  'password',
  'passwort',
  'qwerty',
  'azerty',
  'letmein',
  'iloveyou',
  'admin',
  'welcome',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno',
  'master',
  'shadow',
  'superman',
  'batman',
  'michael',
  'login',
  'secret',
  'abc123',
  'starwars',
  'freedom',
  'whatever',
  'computer',
  'hello',
  'charlie',
  'jordan',
  'ninja',
  'mustang',
  'access',
  'flower',
  'hunter',
  'soccer',
  'killer',
  'pokemon',
  'cookie',
  'wallet',
  'bitcoin',
  'ethereum',
  'crypto',
  'metamask',
  'woaini',
  'changeme',
];
const substitutions: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const keyboardRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop'];

export function estimatePasswordStrength(password: string): PasswordStrength {
  const characters = Array.from(password);
  const lowered = characters.map((character) => character.toLowerCase());
  const unsubstituted = lowered.map((character) => substitutions[character] ?? character);
  const weaknesses = new Set<PasswordWeakness>();
  // What each character is worth: 1 = unpredictable, 0 = follows from what came before.
  const worth = characters.map(() => 1);

  for (let index = 2; index < characters.length; index++) {
    const step = codePoint(characters[index]) - codePoint(characters[index - 1]);
    const previousStep = codePoint(characters[index - 1]) - codePoint(characters[index - 2]);
    if (step === previousStep && Math.abs(step) <= 1) {
      worth[index] = 0;
      weaknesses.add(step === 0 ? 'repeat' : 'sequence');
    }
  }
  for (const row of keyboardRows) {
    for (let start = 0; start + 4 <= row.length; start++) {
      if (discount(lowered, row.slice(start, start + 4), worth)) weaknesses.add('sequence');
    }
  }
  for (const common of commonPasswords) {
    if (discount(unsubstituted, common, worth)) weaknesses.add('common');
  }
  for (let start = 0; start + 4 <= characters.length; start++) {
    if (/^(?:19|20)\d\d$/.test(characters.slice(start, start + 4).join(''))) {
      // About 200 plausible years: log2(200) ≈ 7.6 bits, about two random digits' worth.
      weaknesses.add('year');
      worth[start + 2] = 0;
      worth[start + 3] = 0;
    }
  }

  let alphabet = 0;
  let kindCount = 0;
  for (const [kind, size] of characterKinds) {
    if (characters.some((character) => kind.test(character))) {
      alphabet += size;
      kindCount += 1;
    }
  }
  if (kindCount === 1 && characters.length < 16) weaknesses.add('one-kind');

  const effectiveLength = worth.reduce((sum, value) => sum + value, 0);
  const bits = alphabet > 1 ? Math.round(effectiveLength * Math.log2(alphabet)) : 0;
  const isCommonStem = commonPasswords.includes(
    unsubstituted.filter((character) => /^[a-z]$/.test(character)).join(''),
  );
  const level: PasswordStrengthLevel =
    characters.length < minimumPasswordLength
      ? 'too-short'
      : bits < 40 || isCommonStem
        ? 'weak'
        : bits < 60
          ? 'fair'
          : bits < 80
            ? 'good'
            : 'strong';
  const ordered = weaknessOrder.filter((weakness) => weaknesses.has(weakness));
  return { level, score: scores[level], bits, weaknesses: ordered };
}

/** Most telling first: the meter shows the first one. */
const weaknessOrder: readonly PasswordWeakness[] = [
  'common',
  'year',
  'sequence',
  'repeat',
  'one-kind',
];

const scores = { 'too-short': 0, weak: 1, fair: 2, good: 3, strong: 4 } as const;

/** Each kind of character and how many an attacker must try per position once it appears. */
const characterKinds: readonly (readonly [RegExp, number])[] = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[ -/:-@[-`{-~]/, 33],
  [/[^\x00-\x7f]/u, 100],
];

function codePoint(character: string | undefined): number {
  return character?.codePointAt(0) ?? 0;
}

/** Every occurrence of `needle` in `characters` keeps the worth of its first character only. */
function discount(characters: readonly string[], needle: string, worth: number[]): boolean {
  const wanted = Array.from(needle);
  let isFound = false;
  for (let start = 0; start + wanted.length <= characters.length; start++) {
    if (wanted.every((character, offset) => characters[start + offset] === character)) {
      isFound = true;
      for (let offset = 1; offset < wanted.length; offset++) worth[start + offset] = 0;
    }
  }
  return isFound;
}

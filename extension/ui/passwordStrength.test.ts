import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength, minimumPasswordLength } from './passwordStrength.ts';

describe('estimatePasswordStrength', () => {
  it('calls anything shorter than the minimum too short, however varied', () => {
    expect(minimumPasswordLength).toBe(8);
    expect(estimatePasswordStrength('').level).toBe('too-short');
    expect(estimatePasswordStrength('kT9#mQ2').level).toBe('too-short');
    expect(estimatePasswordStrength('kT9#mQ2').score).toBe(0);
  });

  it('counts characters by code point, so 8 emoji are 8 characters', () => {
    expect(estimatePasswordStrength('🔑🔒🔐🗝🚪🧱🏠🏦').level).not.toBe('too-short');
  });

  it('calls the most common passwords weak, with the substitutions people use', () => {
    for (const password of ['password', 'Password123!', 'p@ssw0rd2024', 'iloveyou', 'Qwerty12']) {
      const strength = estimatePasswordStrength(password);
      expect(strength.level, password).toBe('weak');
    }
    expect(estimatePasswordStrength('p@ssw0rd!!').weaknesses).toContain('common');
    // The most telling weakness comes first (the meter shows only that one).
    expect(estimatePasswordStrength('Password123!').weaknesses[0]).toBe('common');
  });

  it('discounts repeats, runs and keyboard rows', () => {
    expect(estimatePasswordStrength('aaaaaaaaaaaa')).toMatchObject({
      level: 'weak',
      weaknesses: expect.arrayContaining(['repeat']) as unknown,
    });
    expect(estimatePasswordStrength('12345678').weaknesses).toContain('sequence');
    expect(estimatePasswordStrength('abcdefgh').level).toBe('weak');
    expect(estimatePasswordStrength('asdfghjk').weaknesses).toContain('sequence');
  });

  it('discounts a year', () => {
    const withYear = estimatePasswordStrength('Mxq#1987');
    const withoutYear = estimatePasswordStrength('Mxq#1x8z');
    expect(withYear.weaknesses).toContain('year');
    expect(withYear.bits).toBeLessThan(withoutYear.bits);
  });

  it('flags a short password made of one kind of character', () => {
    expect(estimatePasswordStrength('mfkqzrtw').weaknesses).toContain('one-kind');
    expect(estimatePasswordStrength('mfkqzrtwplxnvbcd').weaknesses).not.toContain('one-kind');
  });

  it('rates random-looking passwords higher as they get longer', () => {
    const levels = ['kT9#mQ2!', 'kT9#mQ2!vR4%', 'kT9#mQ2!vR4%pL7&zX'].map(
      (password) => estimatePasswordStrength(password).level,
    );
    expect(levels).toEqual(['fair', 'good', 'strong']);
  });

  it('rates a long passphrase of several words strong', () => {
    expect(estimatePasswordStrength('correct horse battery staple').level).toBe('strong');
  });

  it('never lowers the bits when a random character is appended', () => {
    let password = '';
    let previous = 0;
    for (const character of 'Zq8!vN3(wL0?') {
      password += character;
      const { bits } = estimatePasswordStrength(password);
      expect(bits).toBeGreaterThanOrEqual(previous);
      previous = bits;
    }
  });
});

import { describe, expect, test } from 'vitest';
import { readSandboxCard } from './readSandboxCard.ts';

const now = new Date('2026-01-31T12:00:00Z');
const form = (overrides: Record<string, string> = {}) => ({
  name: 'Ada Lovelace',
  number: '4242 4242 4242 4242',
  expiry: '12/30',
  cvc: '123',
  ...overrides,
});

describe('readSandboxCard', () => {
  test.each([
    ['4242 4242 4242 4242', 'succeeds'],
    ['4000 0000 0000 0002', 'declined'],
    ['4000-0000-0000-9995', 'insufficient_funds'],
    ['4000002760003184', 'challenge'],
  ])('%s %s', (number, behaviour) => {
    expect(readSandboxCard({ form: form({ number }), now })).toEqual({
      isValid: true,
      behaviour,
      last4: number.replace(/\D/g, '').slice(-4),
    });
  });

  test('a Luhn-valid card that is not a test card is refused on the number field', () => {
    expect(readSandboxCard({ form: form({ number: '5555555555554444' }), now })).toMatchObject({
      isValid: false,
      errors: [{ field: 'number', message: /only the test cards/ }],
    });
  });

  test('every field is checked, and the number and CVC are never kept', () => {
    const result = readSandboxCard({
      form: { name: ' ', number: '4242424242424241', expiry: '13/30', cvc: '12' },
      now,
    });
    expect(result).toEqual({
      isValid: false,
      errors: [
        { field: 'name', message: 'Enter the name on the card.' },
        { field: 'number', message: 'Enter a valid card number.' },
        { field: 'expiry', message: 'Enter the expiry date as MM/YY.' },
        { field: 'cvc', message: 'Enter the 3 or 4 digit security code.' },
      ],
      keep: { name: '', expiry: '13/30' },
    });
  });

  test('an expired card: last month is refused, this month is fine', () => {
    expect(readSandboxCard({ form: form({ expiry: '12/25' }), now })).toMatchObject({
      errors: [{ field: 'expiry', message: 'This card has expired.' }],
    });
    expect(readSandboxCard({ form: form({ expiry: '01/26' }), now })).toMatchObject({
      isValid: true,
    });
  });

  test('missing or non-string fields are errors, not crashes', () => {
    expect(readSandboxCard({ form: { number: ['4242'] }, now })).toMatchObject({ isValid: false });
  });
});

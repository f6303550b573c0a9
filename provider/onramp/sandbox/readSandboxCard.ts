/** What a sandbox test card does (the numbers are Stripe's well-known test cards). */
export type SandboxCardBehaviour = 'succeeds' | 'declined' | 'insufficient_funds' | 'challenge';

export const sandboxTestCards: readonly {
  number: string;
  behaviour: SandboxCardBehaviour;
  label: string;
}[] = [
  { number: '4242424242424242', behaviour: 'succeeds', label: 'succeeds' },
  { number: '4000000000000002', behaviour: 'declined', label: 'is declined' },
  {
    number: '4000000000009995',
    behaviour: 'insufficient_funds',
    label: 'fails: insufficient funds',
  },
  {
    number: '4000002760003184',
    behaviour: 'challenge',
    label: 'asks for a 3-D Secure code (123456 passes)',
  },
];

export type SandboxCardField = 'name' | 'number' | 'expiry' | 'cvc';

export type ReadSandboxCardParameters = {
  /** The form as posted (URL-encoded fields). */
  form: Readonly<Record<string, unknown>>;
  now: Date;
};

export type ReadSandboxCardReturnType =
  | { readonly isValid: true; readonly behaviour: SandboxCardBehaviour; readonly last4: string }
  | {
      readonly isValid: false;
      readonly errors: readonly { field: SandboxCardField; message: string }[];
      /** What to show again in the form (never the card number or CVC). */
      readonly keep: { name: string; expiry: string };
    };

/**
 * Checks the sandbox's card form as a real card form would (holder, Luhn-valid number, expiry
 * not past, CVC) and says what the test card does. A valid number that is not a test card is an
 * error on the number field: the sandbox charges nothing, so nothing else can pass.
 */
export function readSandboxCard({
  form,
  now,
}: ReadSandboxCardParameters): ReadSandboxCardReturnType {
  const text = (key: string) => {
    const value = form[key];
    return typeof value === 'string' ? value.slice(0, 100) : '';
  };
  const name = text('name').trim();
  const number = text('number').replace(/[\s-]/g, '');
  const expiry = text('expiry').trim();
  const cvc = text('cvc').trim();
  const errors: { field: SandboxCardField; message: string }[] = [];

  if (name === '') errors.push({ field: 'name', message: 'Enter the name on the card.' });
  const testCard = sandboxTestCards.find((card) => card.number === number);
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    errors.push({ field: 'number', message: 'Enter a valid card number.' });
  } else if (testCard === undefined) {
    errors.push({
      field: 'number',
      message: 'This sandbox takes only the test cards listed on this page.',
    });
  }
  const expiryMatch = /^(\d{2})\s*\/\s*(\d{2})$/.exec(expiry);
  const month = Number(expiryMatch?.[1]);
  const year = 2000 + Number(expiryMatch?.[2]);
  if (expiryMatch === null || month < 1 || month > 12) {
    errors.push({ field: 'expiry', message: 'Enter the expiry date as MM/YY.' });
  } else if (
    year < now.getUTCFullYear() ||
    (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)
  ) {
    errors.push({ field: 'expiry', message: 'This card has expired.' });
  }
  if (!/^\d{3,4}$/.test(cvc)) {
    errors.push({ field: 'cvc', message: 'Enter the 3 or 4 digit security code.' });
  }
  if (errors.length > 0 || testCard === undefined) {
    return { isValid: false, errors, keep: { name, expiry } };
  }
  return { isValid: true, behaviour: testCard.behaviour, last4: number.slice(-4) };
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  let isDoubled = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = Number(digits[index]);
    if (isDoubled) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    isDoubled = !isDoubled;
  }
  return sum % 10 === 0;
}

import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { parseAmount } from '../../../shared/money/parseAmount.ts';
import { InvalidOnrampConfigError } from '../errors.ts';
import type { ComplianceRule } from './ComplianceRule.ts';
import { createAmountLimitsRule } from './createAmountLimitsRule.ts';
import type { AmountLimits } from './createAmountLimitsRule.ts';
import { createCountriesNotServedRule } from './createCountriesNotServedRule.ts';
import { createDenyListRule } from './createDenyListRule.ts';
import { createVerificationThresholdRule } from './createVerificationThresholdRule.ts';
import { parseDenyList } from './parseDenyList.ts';

/** What a rule parser gets besides its JSON: where it is, and how to read files it names. */
export type RuleParserContext = {
  /** `regions[0].rules[2]`, for errors. */
  field: string;
  /** Resolves a file the rule names (relative to the policy file) and reads it as UTF-8. */
  readFile: (relativePath: string) => Promise<{ path: string; text: string }>;
};

export type ComplianceRuleParser = (
  json: Record<string, unknown>,
  context: RuleParserContext,
) => Promise<ComplianceRule>;

/**
 * The rule types an operator may write in the policy file, by `type`. A new kind of check is a
 * new entry here (a parser that checks its JSON strictly and builds a `ComplianceRule`).
 */
export const complianceRuleParsers: Readonly<Record<string, ComplianceRuleParser>> = {
  amount_limits(json, { field }) {
    allowKeys(json, ['type', 'limits'], field);
    const limits: Record<string, AmountLimits> = {};
    for (const [code, value] of Object.entries(readObject(json.limits, `${field}.limits`))) {
      const where = `${field}.limits.${code}`;
      const entry = readObject(value, where);
      allowKeys(entry, ['minimum', 'maximum'], where);
      const minimumMinor = readMoney(entry.minimum, code, `${where}.minimum`);
      const maximumMinor = readMoney(entry.maximum, code, `${where}.maximum`);
      if (minimumMinor > maximumMinor) {
        throw new InvalidOnrampConfigError({ field: where, expected: 'minimum ≤ maximum' });
      }
      limits[code] = { minimumMinor, maximumMinor };
    }
    return Promise.resolve(createAmountLimitsRule({ limits }));
  },

  verification_threshold(json, { field }) {
    allowKeys(json, ['type', 'above'], field);
    const aboveMinor: Record<string, bigint> = {};
    for (const [code, value] of Object.entries(readObject(json.above, `${field}.above`))) {
      aboveMinor[code] = readMoney(value, code, `${field}.above.${code}`);
    }
    return Promise.resolve(createVerificationThresholdRule({ aboveMinor }));
  },

  async deny_list(json, { field, readFile }) {
    allowKeys(json, ['type', 'file'], field);
    if (typeof json.file !== 'string' || json.file === '') {
      throw new InvalidOnrampConfigError({
        field: `${field}.file`,
        expected: 'the path of the list file (relative to the policy file)',
      });
    }
    const { path, text } = await readFile(json.file);
    return createDenyListRule({ addresses: parseDenyList({ text, source: path }) });
  },

  countries_not_served(json, { field }) {
    allowKeys(json, ['type', 'countries'], field);
    return Promise.resolve(
      createCountriesNotServedRule({
        countries: readCountries(json.countries, `${field}.countries`),
      }),
    );
  },
};

export function readCountries(value: unknown, field: string): Set<string> {
  if (!Array.isArray(value) || value.some((code) => !isCountryCode(code))) {
    throw new InvalidOnrampConfigError({
      field,
      expected: 'an array of ISO 3166-1 alpha-2 codes in capitals ("DE")',
    });
  }
  return new Set(value as string[]);
}

function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value);
}

export function readObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOnrampConfigError({ field, expected: 'an object' });
  }
  return value as Record<string, unknown>;
}

export function allowKeys(json: Record<string, unknown>, allowed: string[], field: string): void {
  const unknown = Object.keys(json).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new InvalidOnrampConfigError({
      field: `${field}.${unknown}`,
      expected: `only ${allowed.join(', ')}`,
    });
  }
}

/** "2000.00" in `code` → minor units; the currency must be ISO 4217 and the amount exact. */
function readMoney(value: unknown, code: string, field: string): bigint {
  let currency;
  try {
    currency = fiatCurrency(code);
  } catch (cause) {
    throw new InvalidOnrampConfigError({ field, expected: 'an ISO 4217 currency code', cause });
  }
  if (typeof value !== 'string') {
    throw new InvalidOnrampConfigError({ field, expected: `a decimal string like "100.00"` });
  }
  try {
    return parseAmount(value, currency);
  } catch (cause) {
    throw new InvalidOnrampConfigError({
      field,
      expected: `a decimal string with at most ${currency.decimals} decimals`,
      cause,
    });
  }
}

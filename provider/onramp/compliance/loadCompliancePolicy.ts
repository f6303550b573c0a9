import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InvalidOnrampConfigError } from '../errors.ts';
import type { CompliancePolicy, ComplianceRegion, ComplianceRule } from './ComplianceRule.ts';
import {
  allowKeys,
  complianceRuleParsers,
  readCountries,
  readObject,
} from './complianceRuleParsers.ts';

export type LoadCompliancePolicyParameters = {
  /** The operator's JSON file (ONRAMP_COMPLIANCE_FILE); files it names are relative to it. */
  path: string;
};
export type LoadCompliancePolicyReturnType = CompliancePolicy;
export type LoadCompliancePolicyErrorType = InvalidOnrampConfigError;

/**
 * Reads and checks the operator's compliance policy (format: provider/onramp/README.md):
 *
 *     { "regions": [ { "name": "eu", "countries": ["DE", "FR"], "rules": [
 *         { "type": "amount_limits", "limits": { "EUR": { "minimum": "10.00", "maximum": "2000.00" } } },
 *         { "type": "verification_threshold", "above": { "EUR": "700.00" } },
 *         { "type": "deny_list", "file": "deny-list.txt" },
 *         { "type": "countries_not_served", "countries": ["KP"] } ] } ] }
 *
 * Strict: unknown fields and rule types, a country in two regions, two `*` regions, unreadable
 * files all fail here, naming the field, so a typo never silently disables a check.
 */
export async function loadCompliancePolicy({
  path,
}: LoadCompliancePolicyParameters): Promise<LoadCompliancePolicyReturnType> {
  const baseDirectory = dirname(resolve(path));
  const json = readObject(parseJson(await readText(path, 'ONRAMP_COMPLIANCE_FILE'), path), path);
  allowKeys(json, ['regions'], path);
  if (!Array.isArray(json.regions) || json.regions.length === 0) {
    throw new InvalidOnrampConfigError({ field: 'regions', expected: 'a non-empty array' });
  }

  const regions: ComplianceRegion[] = [];
  const regionOfCountry = new Map<string, string>();
  for (const [index, value] of (json.regions as unknown[]).entries()) {
    const field = `regions[${index}]`;
    const region = readObject(value, field);
    allowKeys(region, ['name', 'countries', 'rules'], field);
    const name = region.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(name)) {
      throw new InvalidOnrampConfigError({
        field: `${field}.name`,
        expected: 'a name of 1 to 40 letters, digits, _ or -',
      });
    }
    if (regions.some((other) => other.name === name)) {
      throw new InvalidOnrampConfigError({ field: `${field}.name`, expected: 'a unique name' });
    }
    const countries =
      region.countries === '*' ? '*' : readCountries(region.countries, `${field}.countries`);
    if (countries === '*' && regions.some((other) => other.countries === '*')) {
      throw new InvalidOnrampConfigError({
        field: `${field}.countries`,
        expected: 'at most one region with "*"',
      });
    }
    if (countries !== '*') {
      for (const country of countries) {
        const other = regionOfCountry.get(country);
        if (other !== undefined) {
          throw new InvalidOnrampConfigError({
            field: `${field}.countries`,
            expected: `${country} in one region only (it is in ${other} already)`,
          });
        }
        regionOfCountry.set(country, name);
      }
    }
    if (!Array.isArray(region.rules)) {
      throw new InvalidOnrampConfigError({ field: `${field}.rules`, expected: 'an array' });
    }
    const rules: ComplianceRule[] = [];
    for (const [ruleIndex, ruleValue] of (region.rules as unknown[]).entries()) {
      const ruleField = `${field}.rules[${ruleIndex}]`;
      const ruleJson = readObject(ruleValue, ruleField);
      const type = ruleJson.type;
      const parse = typeof type === 'string' ? complianceRuleParsers[type] : undefined;
      if (parse === undefined) {
        throw new InvalidOnrampConfigError({
          field: `${ruleField}.type`,
          expected: `one of ${Object.keys(complianceRuleParsers).join(', ')}`,
        });
      }
      rules.push(
        await parse(ruleJson, {
          field: ruleField,
          readFile: async (relativePath) => {
            const filePath = resolve(baseDirectory, relativePath);
            return { path: filePath, text: await readText(filePath, `${ruleField}.file`) };
          },
        }),
      );
    }
    regions.push({ name, countries, rules });
  }
  return { regions };
}

async function readText(path: string, field: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new InvalidOnrampConfigError({ field, expected: `a readable file at ${path}`, cause });
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InvalidOnrampConfigError({ field: path, expected: 'valid JSON', cause });
  }
}

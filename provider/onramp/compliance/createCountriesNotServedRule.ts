import type { ComplianceRule } from './ComplianceRule.ts';

export type CreateCountriesNotServedRuleParameters = {
  /** Upper-case ISO 3166-1 alpha-2 codes. */
  countries: ReadonlySet<string>;
};
export type CreateCountriesNotServedRuleReturnType = ComplianceRule;

/** `countries_not_served`: shoppers from these countries are refused (`onramp_country_not_served`). */
export function createCountriesNotServedRule({
  countries,
}: CreateCountriesNotServedRuleParameters): CreateCountriesNotServedRuleReturnType {
  const type = 'countries_not_served';
  return {
    type,
    check({ country }) {
      if (!countries.has(country)) return undefined;
      return {
        code: 'onramp_country_not_served',
        message: `On-ramp purchases are not offered in ${country}.`,
        param: 'country',
        rule: type,
      };
    },
  };
}

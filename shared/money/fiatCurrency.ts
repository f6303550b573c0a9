import type { Asset } from './Asset.ts';
import { UnknownCurrencyError } from './errors.ts';

export type FiatCurrencyReturnType = Asset;
export type FiatCurrencyErrorType = UnknownCurrencyError;

/**
 * ISO 4217 List One as published on 2026-01-01, by minor units. Left out on purpose: codes with
 * no minor units (funds, metals, XDR, XTS, XXX…), which no price is set in, and withdrawn codes
 * (ANG → XCG, BGN → EUR, CUC, HRK, SLL → SLE, ZWL → ZWG). The minor units are ISO's, not
 * CLDR's: CLDR shows IQD with 0 digits and LBP with 0, ISO says 3 and 2, and base units follow ISO.
 */
const codesByMinorUnits: ReadonlyArray<readonly [number, string]> = [
  [0, 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'],
  [3, 'BHD IQD JOD KWD LYD OMR TND'],
  [4, 'CLF UYW'],
  [
    2,
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
      'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
      'GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK ' +
      'LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
      'NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS ' +
      'SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST ' +
      'XAD XCD XCG YER ZAR ZMW ZWG',
  ],
];

const currencies: ReadonlyMap<string, Asset> = new Map(
  codesByMinorUnits.flatMap(([decimals, codes]) =>
    codes.split(' ').map((code) => {
      const asset: Asset = Object.freeze({ kind: 'fiat', symbol: code, decimals });
      return [code, asset] as const;
    }),
  ),
);

/** Every ISO 4217 code `fiatCurrency` knows, sorted (for pickers). */
export const fiatCurrencyCodes: readonly string[] = Object.freeze([...currencies.keys()].sort());

/** The fiat asset for an ISO 4217 code (`fiatCurrency('KWD')` has 3 decimals). Case-sensitive. */
export function fiatCurrency(code: string): FiatCurrencyReturnType {
  const currency = typeof code === 'string' ? currencies.get(code) : undefined;
  if (currency === undefined) throw new UnknownCurrencyError({ currency: code });
  return currency;
}

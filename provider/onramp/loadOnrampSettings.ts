import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Hex } from 'viem';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import { createMoonPayAdapter } from './adapters/createMoonPayAdapter.ts';
import { createTransakAdapter } from './adapters/createTransakAdapter.ts';
import type { TransakAsset } from './adapters/createTransakAdapter.ts';
import { allowKeys, readObject } from './compliance/complianceRuleParsers.ts';
import type { CompliancePolicy } from './compliance/ComplianceRule.ts';
import { loadCompliancePolicy } from './compliance/loadCompliancePolicy.ts';
import { InvalidOnrampConfigError } from './errors.ts';
import type { OnrampAdapter, OnrampFeeSchedule } from './OnrampAdapter.ts';
import type { OnrampSettings } from './OnrampSettings.ts';
import { createSandboxAdapter } from './sandbox/createSandboxAdapter.ts';
import { createSandboxFunder } from './sandbox/createSandboxFunder.ts';

export type LoadOnrampSettingsParameters = {
  /** The environment, or anything standing in for it. */
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths in the environment are taken from here (default: the process's cwd). */
  cwd?: string;
  now?: () => Date;
  /** What the adapters call their on-ramp's API with (Transak). */
  fetch?: typeof globalThis.fetch;
};
export type LoadOnrampSettingsReturnType = OnrampSettings | undefined;
export type LoadOnrampSettingsErrorType = InvalidOnrampConfigError;

/** Everything allowed, everywhere: only for a stack with nothing but the sandbox. */
const sandboxOnlyPolicy: CompliancePolicy = {
  regions: [{ name: 'everywhere', countries: '*', rules: [] }],
};

/**
 * The operator's on-ramp settings from the environment (provider/onramp/README.md):
 * - `ONRAMP_CONFIG_FILE`: JSON with `adapters` (moonpay, transak, sandbox), `compliance` (a
 *   policy file path), `publicUrl`, `quoteTtlSeconds`, `orderTtlSeconds`. Secrets are never
 *   written in it: `{ "env": "MOONPAY_SECRET_KEY" }` names the variable that holds each one.
 * - `ONRAMP_COMPLIANCE_FILE`: the compliance policy (overrides the file's `compliance`).
 * - `ONRAMP_SANDBOX_RPC_URL` + `ONRAMP_SANDBOX_FUNDING_KEY` (+ `ONRAMP_SANDBOX_CHAIN_ID`,
 *   default 31337): the sandbox on the dev chain, without a config file.
 * - `PROVIDER_PUBLIC_URL`: the provider's public origin for its own pages (else the file's).
 * Nothing set: `undefined` (no on-ramp). A real on-ramp without a compliance policy is refused:
 * only a sandbox-only stack may run without one. Every mistake names the variable or field.
 */
export async function loadOnrampSettings({
  env,
  cwd = process.cwd(),
  now,
  fetch,
}: LoadOnrampSettingsParameters): Promise<LoadOnrampSettingsReturnType> {
  const setting = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const secret = (json: unknown, field: string): string => {
    const reference = readObject(json, field);
    allowKeys(reference, ['env'], field);
    const name = reference.env;
    if (typeof name !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(name)) {
      throw new InvalidOnrampConfigError({
        field,
        expected: '{ "env": "VARIABLE_NAME" }: secrets come from the environment, never the file',
      });
    }
    const value = setting(name);
    if (value === undefined) {
      throw new InvalidOnrampConfigError({ field: name, expected: `a value (named by ${field})` });
    }
    return value;
  };

  const adapters: OnrampAdapter[] = [];
  let compliancePath = setting('ONRAMP_COMPLIANCE_FILE');
  let publicUrl = setting('PROVIDER_PUBLIC_URL');
  let quoteTtlSeconds: number | undefined;
  let orderTtlSeconds: number | undefined;

  const configPath = setting('ONRAMP_CONFIG_FILE');
  if (configPath !== undefined) {
    const path = resolve(cwd, configPath);
    const json = readObject(await readJson(path, 'ONRAMP_CONFIG_FILE'), 'ONRAMP_CONFIG_FILE');
    allowKeys(
      json,
      ['adapters', 'compliance', 'publicUrl', 'quoteTtlSeconds', 'orderTtlSeconds'],
      'ONRAMP_CONFIG_FILE',
    );
    if (json.compliance !== undefined) {
      if (typeof json.compliance !== 'string') {
        throw new InvalidOnrampConfigError({ field: 'compliance', expected: 'a file path' });
      }
      compliancePath ??= resolve(dirname(path), json.compliance);
    }
    if (json.publicUrl !== undefined) publicUrl ??= readUrl(json.publicUrl, 'publicUrl');
    quoteTtlSeconds = readSeconds(json.quoteTtlSeconds, 'quoteTtlSeconds');
    orderTtlSeconds = readSeconds(json.orderTtlSeconds, 'orderTtlSeconds');
    if (!Array.isArray(json.adapters)) {
      throw new InvalidOnrampConfigError({ field: 'adapters', expected: 'an array' });
    }
    for (const [index, value] of (json.adapters as unknown[]).entries()) {
      const field = `adapters[${index}]`;
      const adapter = readObject(value, field);
      const text = (key: string) => readText(adapter[key], `${field}.${key}`);
      switch (adapter.type) {
        case 'moonpay':
          allowKeys(
            adapter,
            [
              'type',
              'environment',
              'publishableKey',
              'secretKey',
              'webhookKey',
              'currencyCodes',
              'fiatCurrencies',
              'fees',
            ],
            field,
          );
          adapters.push(
            createMoonPayAdapter({
              environment: readChoice(
                adapter.environment,
                ['sandbox', 'production'],
                `${field}.environment`,
              ),
              publishableKey: text('publishableKey'),
              secretKey: secret(adapter.secretKey, `${field}.secretKey`),
              webhookKey: secret(adapter.webhookKey, `${field}.webhookKey`),
              currencyCodes: readAssetMap(
                adapter.currencyCodes,
                `${field}.currencyCodes`,
                (code, where) => readText(code, where),
              ),
              fiatCurrencies: readCurrencies(adapter.fiatCurrencies, `${field}.fiatCurrencies`),
              fees: readFees(adapter.fees, `${field}.fees`),
            }),
          );
          break;
        case 'transak': {
          allowKeys(
            adapter,
            [
              'type',
              'environment',
              'apiKey',
              'apiSecret',
              'accessToken',
              'referrerDomain',
              'assets',
              'fiatCurrencies',
              'fees',
            ],
            field,
          );
          const hasSecret = adapter.apiSecret !== undefined;
          if (hasSecret === (adapter.accessToken !== undefined)) {
            throw new InvalidOnrampConfigError({
              field,
              expected: 'apiSecret or accessToken, one of them',
            });
          }
          adapters.push(
            createTransakAdapter({
              environment: readChoice(
                adapter.environment,
                ['staging', 'production'],
                `${field}.environment`,
              ),
              apiKey: text('apiKey'),
              ...(hasSecret
                ? { apiSecret: secret(adapter.apiSecret, `${field}.apiSecret`) }
                : { accessToken: secret(adapter.accessToken, `${field}.accessToken`) }),
              referrerDomain: text('referrerDomain'),
              assets: readAssetMap(
                adapter.assets,
                `${field}.assets`,
                (asset, where): TransakAsset => {
                  const entry = readObject(asset, where);
                  allowKeys(entry, ['cryptoCurrencyCode', 'network'], where);
                  return {
                    cryptoCurrencyCode: readText(
                      entry.cryptoCurrencyCode,
                      `${where}.cryptoCurrencyCode`,
                    ),
                    network: readText(entry.network, `${where}.network`),
                  };
                },
              ),
              fiatCurrencies: readCurrencies(adapter.fiatCurrencies, `${field}.fiatCurrencies`),
              fees: readFees(adapter.fees, `${field}.fees`),
              ...(now === undefined ? {} : { now }),
              ...(fetch === undefined ? {} : { fetch }),
            }),
          );
          break;
        }
        case 'sandbox':
          allowKeys(adapter, ['type', 'rpcUrl', 'chainId', 'fundingKey', 'fees'], field);
          adapters.push(
            createSandboxAdapter({
              funder: createSandboxFunder({
                rpcUrl: readUrl(adapter.rpcUrl, `${field}.rpcUrl`),
                chainId: readChainId(adapter.chainId ?? 31337, `${field}.chainId`),
                privateKey: readKey(
                  secret(adapter.fundingKey, `${field}.fundingKey`),
                  `${field}.fundingKey`,
                ),
              }),
              ...(adapter.fees === undefined
                ? {}
                : { fees: readFees(adapter.fees, `${field}.fees`) }),
            }),
          );
          break;
        default:
          throw new InvalidOnrampConfigError({
            field: `${field}.type`,
            expected: 'moonpay, transak or sandbox',
          });
      }
    }
  }

  const sandboxRpcUrl = setting('ONRAMP_SANDBOX_RPC_URL');
  if (sandboxRpcUrl !== undefined) {
    if (adapters.some(({ id }) => id === 'sandbox')) {
      throw new InvalidOnrampConfigError({
        field: 'ONRAMP_SANDBOX_RPC_URL',
        expected: 'unset when ONRAMP_CONFIG_FILE has a sandbox adapter',
      });
    }
    const fundingKey = setting('ONRAMP_SANDBOX_FUNDING_KEY');
    if (fundingKey === undefined) {
      throw new InvalidOnrampConfigError({
        field: 'ONRAMP_SANDBOX_FUNDING_KEY',
        expected: 'the private key that pays the sandbox out (with ONRAMP_SANDBOX_RPC_URL)',
      });
    }
    adapters.push(
      createSandboxAdapter({
        funder: createSandboxFunder({
          rpcUrl: readUrl(sandboxRpcUrl, 'ONRAMP_SANDBOX_RPC_URL'),
          chainId: readChainId(
            setting('ONRAMP_SANDBOX_CHAIN_ID') ?? '31337',
            'ONRAMP_SANDBOX_CHAIN_ID',
          ),
          privateKey: readKey(fundingKey, 'ONRAMP_SANDBOX_FUNDING_KEY'),
        }),
      }),
    );
  }

  if (adapters.length === 0) return undefined;
  const ids = adapters.map(({ id }) => id);
  if (new Set(ids).size !== ids.length) {
    throw new InvalidOnrampConfigError({ field: 'adapters', expected: 'each adapter type once' });
  }
  let compliance: CompliancePolicy;
  if (compliancePath !== undefined) {
    compliance = await loadCompliancePolicy({ path: resolve(cwd, compliancePath) });
  } else if (ids.every((id) => id === 'sandbox')) {
    compliance = sandboxOnlyPolicy;
  } else {
    throw new InvalidOnrampConfigError({
      field: 'ONRAMP_COMPLIANCE_FILE',
      expected: 'a compliance policy whenever a real on-ramp is configured',
    });
  }
  return {
    adapters,
    compliance,
    ...(publicUrl === undefined ? {} : { publicUrl: readUrl(publicUrl, 'PROVIDER_PUBLIC_URL') }),
    ...(quoteTtlSeconds === undefined ? {} : { quoteTtlSeconds }),
    ...(orderTtlSeconds === undefined ? {} : { orderTtlSeconds }),
  };
}

async function readJson(path: string, field: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InvalidOnrampConfigError({ field, expected: `a readable file at ${path}`, cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InvalidOnrampConfigError({ field, expected: 'valid JSON', cause });
  }
}

function readText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 500) {
    throw new InvalidOnrampConfigError({ field, expected: 'a non-empty string' });
  }
  return value;
}

function readChoice<Choice extends string>(
  value: unknown,
  choices: readonly Choice[],
  field: string,
): Choice {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new InvalidOnrampConfigError({ field, expected: choices.join(' or ') });
  }
  return value as Choice;
}

function readUrl(value: unknown, field: string): string {
  const text = readText(value, field);
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return text.replace(/\/+$/, '');
  } catch {
    // refused below
  }
  throw new InvalidOnrampConfigError({ field, expected: 'an http(s) URL' });
}

function readSeconds(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 30 || value > 86_400) {
    throw new InvalidOnrampConfigError({ field, expected: 'whole seconds from 30 to 86400' });
  }
  return value;
}

function readChainId(value: unknown, field: string): number {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidOnrampConfigError({ field, expected: 'an EIP-155 chain id' });
  }
  return number;
}

function readKey(value: string, field: string): Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw new InvalidOnrampConfigError({
      field,
      expected: 'a 32-byte private key as 0x and 64 hex digits',
    });
  }
  return value as Hex;
}

function readCurrencies(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidOnrampConfigError({ field, expected: 'a non-empty array of ISO 4217 codes' });
  }
  return value.map((code, index) => {
    try {
      return fiatCurrency(code as string).symbol;
    } catch (cause) {
      throw new InvalidOnrampConfigError({
        field: `${field}[${index}]`,
        expected: 'an ISO 4217 code',
        cause,
      });
    }
  });
}

/** `{ "<chainId>:<SYMBOL>": … }`, each value read by `read`. */
function readAssetMap<Value>(
  value: unknown,
  field: string,
  read: (entry: unknown, where: string) => Value,
): Record<string, Value> {
  const map: Record<string, Value> = {};
  for (const [key, entry] of Object.entries(readObject(value, field))) {
    if (!/^[1-9][0-9]{0,15}:[A-Z0-9]{1,11}$/.test(key)) {
      throw new InvalidOnrampConfigError({
        field: `${field}.${key}`,
        expected: 'a key like "1:USDC"',
      });
    }
    map[key] = read(entry, `${field}.${key}`);
  }
  return map;
}

function readFees(value: unknown, field: string): OnrampFeeSchedule {
  const fees = readObject(value, field);
  allowKeys(fees, ['adapterFeeBasisPoints', 'networkFeeWei'], field);
  const basisPoints = fees.adapterFeeBasisPoints;
  if (
    typeof basisPoints !== 'number' ||
    !Number.isSafeInteger(basisPoints) ||
    basisPoints < 0 ||
    basisPoints > 5000
  ) {
    throw new InvalidOnrampConfigError({
      field: `${field}.adapterFeeBasisPoints`,
      expected: 'an integer from 0 to 5000 (450 = 4.5 %)',
    });
  }
  const networkFeeWei: Record<string, bigint> = {};
  for (const [chainId, wei] of Object.entries(
    fees.networkFeeWei === undefined
      ? {}
      : readObject(fees.networkFeeWei, `${field}.networkFeeWei`),
  )) {
    if (
      !/^[1-9][0-9]{0,15}$/.test(chainId) ||
      typeof wei !== 'string' ||
      !/^(0|[1-9][0-9]{0,30})$/.test(wei)
    ) {
      throw new InvalidOnrampConfigError({
        field: `${field}.networkFeeWei.${chainId}`,
        expected: 'a chain id mapped to wei as a decimal string',
      });
    }
    networkFeeWei[chainId] = BigInt(wei);
  }
  return { adapterFeeBasisPoints: basisPoints, networkFeeWei };
}

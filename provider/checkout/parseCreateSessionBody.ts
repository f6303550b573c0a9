import { getAddress, zeroAddress } from 'viem';
import type { CreateCheckoutSessionBody } from '../../shared/providerApi/CheckoutSession.ts';
import { checkoutSessionLimits } from '../../shared/providerApi/CheckoutSession.ts';
import type { AcceptedAsset } from '../../shared/providerApi/CheckoutSession.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import { ApiError } from '../http/errors.ts';
import type { Pair } from '../rates/Pair.ts';

export type ParseCreateSessionBodyParameters = {
  /** Already checked against the JSON schema (types, lengths, patterns). */
  body: CreateCheckoutSessionBody;
  /** The pairs the provider prices: each accepted asset needs `ASSET/CURRENCY` among them. */
  pricedPairs: readonly Pair[];
};

export type NewCheckoutSession = {
  amountMinor: bigint;
  currency: string;
  recipients: Record<string, string>;
  acceptedAssets: AcceptedAsset[];
  expiresInSeconds: number;
  metadata: Record<string, string>;
  successUrl: string | null;
};

export type ParseCreateSessionBodyReturnType = NewCheckoutSession;
export type ParseCreateSessionBodyErrorType = ApiError;

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What the schema cannot say about a new session: a real currency, checksummed addresses, assets
 * known on their chain and priced in the currency, one address per chain paid on. Every refusal
 * is a 400 naming the field.
 */
export function parseCreateSessionBody({
  body,
  pricedPairs,
}: ParseCreateSessionBodyParameters): ParseCreateSessionBodyReturnType {
  try {
    fiatCurrency(body.currency);
  } catch {
    throw invalid('currency', `${body.currency} is not an active ISO 4217 currency code.`);
  }

  const recipients: Record<string, string> = {};
  for (const [chainId, address] of Object.entries(body.recipients)) {
    const param = `recipients[${chainId}]`;
    if (!isChecksummed(address)) {
      throw invalid(
        param,
        'Not an EIP-55 checksummed address (mixed case, as getAddress writes it).',
      );
    }
    if (address === zeroAddress) throw invalid(param, 'The zero address cannot receive payments.');
    recipients[chainId] = address;
  }

  const seen = new Set<string>();
  const priced = new Set<string>(pricedPairs);
  body.accepted_assets.forEach(({ chain_id: chainId, asset }, index) => {
    const param = `accepted_assets[${index}]`;
    if (findChainAsset({ chainId, symbol: asset }) === undefined) {
      throw invalid(param, `${asset} is not a known asset on chain ${chainId}.`);
    }
    if (seen.has(`${chainId}:${asset}`))
      throw invalid(param, `${asset} on chain ${chainId} is listed twice.`);
    seen.add(`${chainId}:${asset}`);
    if (!priced.has(`${asset}/${body.currency}`)) {
      throw invalid(param, `No rate is configured for ${asset}/${body.currency}.`);
    }
    if (recipients[String(chainId)] === undefined) {
      throw invalid(`recipients[${chainId}]`, `No receiving address for chain ${chainId}.`);
    }
  });
  const paidChains = new Set(body.accepted_assets.map(({ chain_id: chainId }) => String(chainId)));
  for (const chainId of Object.keys(recipients)) {
    if (!paidChains.has(chainId)) {
      throw invalid(`recipients[${chainId}]`, `No accepted asset is on chain ${chainId}.`);
    }
  }

  return {
    amountMinor: BigInt(body.amount_minor),
    currency: body.currency,
    recipients,
    acceptedAssets: body.accepted_assets.map(({ chain_id, asset }) => ({ chain_id, asset })),
    expiresInSeconds: body.expires_in ?? checkoutSessionLimits.defaultExpiresInSeconds,
    metadata: { ...body.metadata },
    successUrl: body.success_url === undefined ? null : parseSuccessUrl(body.success_url),
  };
}

function isChecksummed(address: string): boolean {
  try {
    return getAddress(address) === address;
  } catch {
    return false;
  }
}

function parseSuccessUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('success_url', 'Not an absolute URL.');
  }
  const isAllowed =
    url.protocol === 'https:' || (url.protocol === 'http:' && localHosts.has(url.hostname));
  if (!isAllowed) {
    throw invalid('success_url', 'Use https (http only for localhost or 127.0.0.1).');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('success_url', 'A success URL cannot carry a user name or password.');
  }
  return url.href;
}

function invalid(param: string, message: string): ApiError {
  return new ApiError({ code: 'invalid_request', message, param });
}

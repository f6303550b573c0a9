import { getAddress, zeroAddress } from 'viem';
import { chainAssets } from '../../shared/chains/chainAssets.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { convertAmount } from '../../shared/money/convertAmount.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import type { Asset } from '../../shared/money/Asset.ts';
import type { Rate } from '../../shared/money/Rate.ts';
import type { CreateOnrampQuoteBody } from '../../shared/providerApi/OnrampQuote.ts';
import type { DatabaseSession } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { computeOnrampPrice } from './computeOnrampPrice.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';
import { onrampQuoteColumns, toOnrampQuoteRecord } from './OnrampRecords.ts';
import type { OnrampQuoteRecord, OnrampQuoteRow } from './OnrampRecords.ts';

export type CreateOnrampQuoteParameters = {
  db: DatabaseSession;
  merchantId: string;
  /** Already checked against the JSON schema (types, lengths, patterns). */
  body: CreateOnrampQuoteBody;
  adapters: readonly OnrampAdapter[];
  rates: RateBook;
  now: Date;
  ttlSeconds: number;
};
export type CreateOnrampQuoteReturnType = OnrampQuoteRecord;
export type CreateOnrampQuoteErrorType = ApiError;

/**
 * Prices a purchase with one adapter at the current rate, fees shown apart (`computeOnrampPrice`),
 * and stores it for `ttlSeconds`. Everything the schema cannot say is checked here and refused
 * with a 400 naming the field: one amount of the two, a real currency, an asset known on its
 * chain, a checksummed non-zero address, an adapter that sells it, a configured rate. No quorum
 * of rate sources is a 503 `rates_unavailable`; no adapter at all is a 503 `onramp_unavailable`.
 */
export async function createOnrampQuote({
  db,
  merchantId,
  body,
  adapters,
  rates,
  now,
  ttlSeconds,
}: CreateOnrampQuoteParameters): Promise<CreateOnrampQuoteReturnType> {
  const hasFiat = body.fiat_amount_minor !== undefined;
  if (hasFiat === (body.crypto_amount !== undefined)) {
    throw invalid('fiat_amount_minor', 'Give fiat_amount_minor or crypto_amount, exactly one.');
  }
  let fiat: Asset;
  try {
    fiat = fiatCurrency(body.fiat_currency);
  } catch {
    throw invalid(
      'fiat_currency',
      `${body.fiat_currency} is not an active ISO 4217 currency code.`,
    );
  }
  const asset = findChainAsset({ chainId: body.chain_id, symbol: body.asset });
  if (asset === undefined) {
    throw invalid('asset', `${body.asset} is not a known asset on chain ${body.chain_id}.`);
  }
  if (!isChecksummed(body.wallet_address)) {
    throw invalid(
      'wallet_address',
      'Not an EIP-55 checksummed address (mixed case, as getAddress writes it).',
    );
  }
  if (body.wallet_address === zeroAddress) {
    throw invalid('wallet_address', 'The zero address cannot receive crypto.');
  }
  const adapter = pickAdapter(adapters, body);
  const rate = readRate(rates, `${body.asset}/${body.fiat_currency}`, 'fiat_currency');
  const networkFeeMinor = priceNetworkFee({
    wei: adapter.fees.networkFeeWei[String(body.chain_id)] ?? 0n,
    chainId: body.chain_id,
    fiat,
    rates,
  });
  const price = computeOnrampPrice({
    fiat,
    asset,
    rate,
    adapterFeeBasisPoints: adapter.fees.adapterFeeBasisPoints,
    networkFeeMinor,
    amount:
      body.fiat_amount_minor === undefined
        ? { kind: 'crypto', cryptoAmount: BigInt(body.crypto_amount ?? '0') }
        : { kind: 'fiat', fiatAmountMinor: BigInt(body.fiat_amount_minor) },
  });

  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ttlSeconds * 1000);
  const { rows } = await db.query<OnrampQuoteRow>(
    `insert into onramp_quotes
       (id, merchant_id, adapter, chain_id, asset, token_address, decimals, wallet_address, country,
        fiat_currency, fiat_amount_minor, subtotal_minor, adapter_fee_minor, network_fee_minor,
        crypto_amount, pair, rate_numerator, rate_denominator, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     returning ${onrampQuoteColumns}`,
    [
      createResourceId('orq'),
      merchantId,
      adapter.id,
      body.chain_id,
      body.asset,
      asset.address,
      asset.decimals,
      body.wallet_address,
      body.country,
      body.fiat_currency,
      price.fiatAmountMinor,
      price.subtotalMinor,
      price.adapterFeeMinor,
      price.networkFeeMinor,
      price.cryptoAmount.toString(),
      `${body.asset}/${body.fiat_currency}`,
      rate.numerator.toString(),
      rate.denominator.toString(),
      expiresAt,
      now,
    ],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('insert … returning gave no row');
  return toOnrampQuoteRecord(row);
}

function pickAdapter(
  adapters: readonly OnrampAdapter[],
  body: CreateOnrampQuoteBody,
): OnrampAdapter {
  if (adapters.length === 0) {
    throw new ApiError({ code: 'onramp_unavailable', message: 'No on-ramp is configured.' });
  }
  const wanted = { chainId: body.chain_id, symbol: body.asset, fiatCurrency: body.fiat_currency };
  if (body.adapter !== undefined) {
    const named = adapters.find(({ id }) => id === body.adapter);
    if (named === undefined) {
      throw invalid('adapter', `No on-ramp named ${body.adapter} is configured.`);
    }
    if (!named.supports(wanted)) {
      throw invalid(
        'adapter',
        `${named.name} does not sell ${body.asset} on chain ${body.chain_id} for ${body.fiat_currency}.`,
      );
    }
    return named;
  }
  const found = adapters.find((adapter) => adapter.supports(wanted));
  if (found === undefined) {
    throw invalid(
      'asset',
      `No configured on-ramp sells ${body.asset} on chain ${body.chain_id} for ${body.fiat_currency}.`,
    );
  }
  return found;
}

function readRate(rates: RateBook, pair: `${string}/${string}`, param: string): Rate {
  if (!rates.pairs.includes(pair)) throw invalid(param, `No rate is configured for ${pair}.`);
  const reading = rates.read(pair);
  if (reading.status !== 'ok') {
    throw new ApiError({ code: 'rates_unavailable', message: reading.reason });
  }
  return reading.aggregate.rate;
}

/** Gas in wei of the chain's native coin → minor units of `fiat`, rounded up. */
function priceNetworkFee({
  wei,
  chainId,
  fiat,
  rates,
}: {
  wei: bigint;
  chainId: number;
  fiat: Asset;
  rates: RateBook;
}): bigint {
  if (wei === 0n) return 0n;
  const native = chainAssets.find((asset) => asset.chainId === chainId && asset.address === null);
  if (native === undefined) return 0n;
  const pair = `${native.symbol}/${fiat.symbol}` as const;
  if (!rates.pairs.includes(pair)) {
    throw new ApiError({
      code: 'rates_unavailable',
      message: `The network fee needs a rate for ${pair}, which is not configured.`,
    });
  }
  const reading = rates.read(pair);
  if (reading.status !== 'ok') {
    throw new ApiError({ code: 'rates_unavailable', message: reading.reason });
  }
  return convertAmount({
    value: wei,
    from: native,
    to: fiat,
    rate: reading.aggregate.rate,
    rounding: 'up',
  });
}

function isChecksummed(address: string): boolean {
  try {
    return getAddress(address) === address;
  } catch {
    return false;
  }
}

function invalid(param: string, message: string): ApiError {
  return new ApiError({ code: 'invalid_request', message, param });
}

import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import type { CreateOnrampOrderBody } from '../../shared/providerApi/OnrampOrder.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import { checkCompliance } from './compliance/checkCompliance.ts';
import type { CompliancePolicy } from './compliance/ComplianceRule.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';
import {
  onrampOrderColumns,
  onrampQuoteColumns,
  toOnrampOrderRecord,
  toOnrampQuoteRecord,
} from './OnrampRecords.ts';
import type { OnrampOrderRecord, OnrampOrderRow, OnrampQuoteRow } from './OnrampRecords.ts';
import { toOnrampOrderResponse } from './toOnrampOrderResponse.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';

export type CreateOnrampOrderParameters = {
  db: Database;
  merchantId: string;
  /** Already checked against the JSON schema. */
  body: CreateOnrampOrderBody;
  adapters: readonly OnrampAdapter[];
  compliance: CompliancePolicy;
  now: Date;
  ttlSeconds: number;
  /** The provider's public origin, for adapters whose page it serves (the sandbox). */
  providerUrl: string;
  describeAdapter: (adapterId: string) => OnrampAdapterInfo;
  /** Told when the adapter's API fails (the caller logs it; the client gets a 503). */
  onAdapterError?: (error: unknown) => void;
};
export type CreateOnrampOrderReturnType = OnrampOrderRecord;
export type CreateOnrampOrderErrorType = ApiError;

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Turns a quote into an order: the quote must be this merchant's, unexpired and unused; the
 * operator's compliance policy must allow it (a refusal is a 403 whose code names the rule and
 * whose message says why); the adapter builds its page. The order and its
 * `onramp.order.created` event are stored in one transaction; a quote makes one order at most
 * (a second try is 409 `onramp_quote_used`, even under a race).
 */
export async function createOnrampOrder({
  db,
  merchantId,
  body,
  adapters,
  compliance,
  now,
  ttlSeconds,
  providerUrl,
  describeAdapter,
  onAdapterError,
}: CreateOnrampOrderParameters): Promise<CreateOnrampOrderReturnType> {
  const { rows } = await db.query<OnrampQuoteRow & { order_id: string | null }>(
    `select ${onrampQuoteColumns},
       (select o.id from onramp_orders o where o.quote_id = onramp_quotes.id) as order_id
     from onramp_quotes where id = $1 and merchant_id = $2`,
    [body.quote_id, merchantId],
  );
  const row = rows[0];
  if (row === undefined) {
    throw new ApiError({ code: 'not_found', message: 'No such on-ramp quote.', param: 'quote_id' });
  }
  const quote = toOnrampQuoteRecord(row);
  if (row.order_id !== null) throw quoteUsed();
  if (now.getTime() >= quote.expiresAt.getTime()) {
    throw new ApiError({
      code: 'onramp_quote_expired',
      message: 'This quote has expired: ask for a new one.',
      param: 'quote_id',
    });
  }
  const redirectUrl = body.redirect_url === undefined ? null : parseRedirectUrl(body.redirect_url);
  const fiat = fiatCurrency(quote.fiatCurrency);
  const verdict = checkCompliance({
    policy: compliance,
    country: quote.country,
    walletAddress: quote.walletAddress,
    fiatCurrency: fiat,
    fiatAmountMinor: quote.fiatAmountMinor,
  });
  if (!verdict.isAllowed) {
    const { code, message, param } = verdict.refusal;
    throw new ApiError({ code, message, param });
  }
  const adapter = adapters.find(({ id }) => id === quote.adapter);
  const asset = findChainAsset({ chainId: quote.chainId, symbol: quote.asset });
  if (adapter === undefined || asset === undefined) {
    throw new ApiError({
      code: 'onramp_unavailable',
      message: `The on-ramp ${quote.adapter} is no longer available: ask for a new quote.`,
    });
  }

  const id = createResourceId('oro');
  let created;
  try {
    created = await adapter.createOrder({
      order: {
        id,
        asset,
        walletAddress: quote.walletAddress,
        fiatCurrency: fiat,
        fiatAmountMinor: quote.fiatAmountMinor,
        cryptoAmount: quote.cryptoAmount,
        country: quote.country,
        redirectUrl,
      },
      providerUrl,
    });
  } catch (cause) {
    onAdapterError?.(cause);
    throw new ApiError({
      code: 'onramp_unavailable',
      message: `${adapter.name} could not start the order; try again shortly.`,
      cause,
    });
  }

  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ttlSeconds * 1000);
  return db.transaction(async (session) => {
    const inserted = await session.query<{ id: string }>(
      `insert into onramp_orders
         (id, merchant_id, quote_id, status, adapter, adapter_order_id, adapter_state, hosted_url,
          redirect_url, expires_at, created_at, updated_at)
       values ($1, $2, $3, 'created', $4, $5, $6, $7, $8, $9, $10, $10)
       on conflict (quote_id) do nothing
       returning id`,
      [
        id,
        merchantId,
        quote.id,
        adapter.id,
        created.adapterOrderId,
        JSON.stringify(created.state),
        created.hostedUrl,
        redirectUrl,
        expiresAt,
        now,
      ],
    );
    if (inserted.rows.length === 0) throw quoteUsed();
    const { rows: orderRows } = await session.query<OnrampOrderRow>(
      `select ${onrampOrderColumns}
       from onramp_orders o join onramp_quotes q on q.id = o.quote_id
       where o.id = $1`,
      [id],
    );
    const orderRow = orderRows[0];
    if (orderRow === undefined) throw new Error('insert gave no order');
    const order = toOnrampOrderRecord(orderRow);
    await enqueueWebhookEvent(session, {
      merchantId,
      type: 'onramp.order.created',
      data: toOnrampOrderResponse(order, describeAdapter(order.adapter)),
      now,
    });
    return order;
  });
}

function quoteUsed(): ApiError {
  return new ApiError({
    code: 'onramp_quote_used',
    message: 'An order was already made from this quote.',
    param: 'quote_id',
  });
}

function parseRedirectUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('Not an absolute URL.');
  }
  const isAllowed =
    url.protocol === 'https:' || (url.protocol === 'http:' && localHosts.has(url.hostname));
  if (!isAllowed) throw invalid('Use https (http only for localhost or 127.0.0.1).');
  if (url.username !== '' || url.password !== '') {
    throw invalid('A redirect URL cannot carry a user name or password.');
  }
  return url.href;
}

function invalid(message: string): ApiError {
  return new ApiError({ code: 'invalid_request', message, param: 'redirect_url' });
}

-- On-ramp (provider/onramp/): quotes (fiat ↔ crypto for one asset on one chain, fees shown apart)
-- and the orders made from them, one order per quote at most. The status column of an order
-- holds one of the states of transitionOrder (provider/onramp/transitionOrder.ts); nothing else
-- may change it. Fiat amounts are minor units (int8; the API allows at most 12 digits); crypto
-- amounts are base units of the asset, numeric(78, 0) as uint256 needs. Times come from the
-- provider's injected clock, never the database's now().
create table onramp_quotes (
  id text primary key,
  merchant_id text not null references merchants (id),
  adapter text not null,
  chain_id int8 not null,
  asset text not null,
  token_address text,
  decimals int4 not null,
  wallet_address text not null,
  country text not null,
  fiat_currency text not null,
  fiat_amount_minor int8 not null check (fiat_amount_minor > 0),
  subtotal_minor int8 not null check (subtotal_minor > 0),
  adapter_fee_minor int8 not null check (adapter_fee_minor >= 0),
  network_fee_minor int8 not null check (network_fee_minor >= 0),
  check (fiat_amount_minor = subtotal_minor + adapter_fee_minor + network_fee_minor),
  crypto_amount numeric(78, 0) not null check (crypto_amount > 0),
  pair text not null,
  rate_numerator numeric not null,
  rate_denominator numeric not null,
  expires_at timestamptz not null,
  created_at timestamptz not null
);
create index onramp_quotes_merchant on onramp_quotes (merchant_id, created_at);

create table onramp_orders (
  id text primary key,
  merchant_id text not null references merchants (id),
  -- unique: a quote makes one order at most
  quote_id text not null unique references onramp_quotes (id),
  status text not null check (status in ('created', 'pending', 'completed', 'failed', 'expired')),
  adapter text not null,
  -- the on-ramp's own id of the order, once it tells us (webhooks)
  adapter_order_id text,
  -- what the adapter keeps between steps (the sandbox page's step and attempts); never card data
  adapter_state jsonb not null,
  hosted_url text not null,
  redirect_url text,
  tx_hash text,
  failure_code text,
  failure_message text,
  check ((status = 'failed') = (failure_code is not null)),
  expires_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  completed_at timestamptz,
  check ((status = 'completed') = (completed_at is not null))
);
create index onramp_orders_merchant on onramp_orders (merchant_id, created_at);
create unique index onramp_orders_adapter_order on onramp_orders (adapter, adapter_order_id)
  where adapter_order_id is not null;
-- The sweep of created orders past their expiry.
create index onramp_orders_created_expiry on onramp_orders (expires_at) where status = 'created';

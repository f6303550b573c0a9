-- Checkout sessions: one price a merchant asks a shopper to pay. The status column holds one of
-- the states of transitionSession (provider/checkout/transitionSession.ts); nothing else may
-- change it. Amounts: the price in minor units of the fiat currency (int8, bounded by the API to
-- 15 digits).
create table checkout_sessions (
  id text primary key,
  merchant_id text not null references merchants (id),
  status text not null
    check (status in ('open', 'pending', 'settled', 'expired', 'underpaid', 'overpaid', 'paid_late')),
  amount_minor int8 not null check (amount_minor > 0),
  currency text not null,
  -- { "<chainId>": "0x…" }, EIP-55 checksummed
  recipients jsonb not null,
  -- [{ "chain_id": 31337, "asset": "USDC" }, …]
  accepted_assets jsonb not null,
  metadata jsonb not null,
  success_url text,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create index checkout_sessions_merchant on checkout_sessions (merchant_id, created_at);
-- The sweep of open sessions past their expiry.
create index checkout_sessions_open_expiry on checkout_sessions (expires_at) where status = 'open';

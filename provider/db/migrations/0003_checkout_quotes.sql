-- Locked quotes: an exact amount of one asset for one session, valid until expires_at, matched
-- to a payment by its reference. Amounts are uint256 in base units: numeric(78, 0), since 18
-- decimals overflow int8 from about 9.2 whole units.
create table checkout_quotes (
  id text primary key,
  session_id text not null references checkout_sessions (id),
  chain_id int8 not null,
  asset text not null,
  token_address text,
  decimals int4 not null,
  recipient text not null,
  amount numeric(78, 0) not null check (amount > 0),
  -- 16 bytes, hex; appended to the transfer calldata
  reference text not null unique,
  pair text not null,
  rate_numerator numeric not null,
  rate_denominator numeric not null,
  -- the aggregate the rate came from: sources, spread, age (for audit)
  rate_details jsonb not null,
  signing_key_id text not null,
  signature text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null
);

create index checkout_quotes_session on checkout_quotes (session_id, created_at);

-- Payments: on-chain transfers that carried a quote's reference and paid the quoted asset on the
-- quoted chain to the quoted recipient (provider/checkout/applyChainObservations.ts). The chain
-- watcher (provider/payments) is the only writer, in the transaction that moves its cursor; the
-- API only reads. A transaction pays one session only: (chain_id, tx_hash) is unique. Amounts are
-- uint256 in base units: numeric(78, 0). Timestamps come from the provider's injected clock,
-- except block_time, the block's own (chain) time, which decides whether a payment was late.
create table checkout_payments (
  id text primary key,
  -- Insertion order: "oldest first" in the API, and which quote was paid first.
  seq bigint generated always as identity unique,
  session_id text not null references checkout_sessions (id),
  quote_id text not null references checkout_quotes (id),
  chain_id int8 not null,
  -- 0x + 64 lowercase hex digits
  tx_hash text not null,
  -- The block that holds it now: a reorg that re-includes the transaction moves it.
  block_number int8 not null check (block_number >= 0),
  block_hash text not null,
  block_time timestamptz not null,
  from_address text not null,
  amount numeric(78, 0) not null check (amount > 0),
  -- seen: in a block, waiting for confirmations; confirmed: counted; dropped: its block left the
  -- chain before it was confirmed (a later report of the same transaction makes it seen again).
  status text not null check (status in ('seen', 'confirmed', 'dropped')),
  -- Blocks on top of and including its own when last looked at (0 once dropped).
  confirmations int4 not null check (confirmations >= 0),
  -- What the chain required when the payment was first seen.
  required_confirmations int4 not null check (required_confirmations >= 1),
  -- In a block whose time is after the quote's (or the session's) expiry.
  late boolean not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (chain_id, tx_hash)
);

create index checkout_payments_session on checkout_payments (session_id, seq);
-- Each step of a chain's watcher looks at that chain's payments still waiting for confirmations…
create index checkout_payments_awaiting on checkout_payments (chain_id, block_number)
  where status = 'seen';
-- …and, after a reorg, at those in the removed blocks.
create index checkout_payments_block on checkout_payments (chain_id, block_hash);

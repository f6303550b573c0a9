-- The chain watcher (provider/payments/): how far it has read each chain, and the last blocks it
-- accepted, to find where a reorg forked off. Both change only in the transaction that also
-- hands the step's observations to checkout, under a per-chain advisory lock, so a step is
-- applied whole or not at all, once, whichever process ran it.
-- Hashes are 0x-prefixed lowercase hex. updated_at comes from the provider's injected clock.
create table chain_cursors (
  chain_id int8 primary key check (chain_id > 0),
  -- The newest block accepted; the next step starts after it.
  block_number int8 not null check (block_number >= 0),
  block_hash text not null,
  updated_at timestamptz not null
);

-- About the last 256 accepted blocks per chain: a reorg deeper than that stops the watcher.
create table chain_blocks (
  chain_id int8 not null,
  number int8 not null check (number >= 0),
  hash text not null,
  parent_hash text not null,
  primary key (chain_id, number)
);

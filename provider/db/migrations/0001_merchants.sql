-- Merchants: who sells through TP Pay. Keys are issued by the provider; only a hash of the
-- secret key is stored, the publishable key is public by design (it goes into the page).
create table merchants (
  id text primary key,
  name text not null,
  secret_key_hash text not null unique,
  publishable_key text not null unique,
  created_at timestamptz not null
);

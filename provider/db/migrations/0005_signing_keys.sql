-- The provider's quote-signing keys (Ed25519). Generated once, on first start; the oldest is in
-- use. secret_key is the 32-byte seed as hex: never logged, never sent (GET /v1/keys shows
-- public_key only). Whoever can read this table can sign quotes.
create table signing_keys (
  id text primary key,
  algorithm text not null check (algorithm = 'ed25519'),
  secret_key text not null,
  public_key text not null unique,
  created_at timestamptz not null
);

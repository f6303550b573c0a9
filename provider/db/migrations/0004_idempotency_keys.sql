-- Idempotency-Key: the first response to a merchant's POST, replayed for 24 h to a retry with
-- the same key and the same request. status_code is null while the first request runs.
create table idempotency_keys (
  merchant_id text not null references merchants (id),
  key text not null,
  request_hash text not null,
  status_code int4,
  response_body text,
  created_at timestamptz not null,
  primary key (merchant_id, key)
);

create index idempotency_keys_expiry on idempotency_keys (merchant_id, created_at);

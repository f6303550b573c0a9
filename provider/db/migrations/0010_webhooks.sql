-- Webhooks (provider/webhooks/). Endpoints are registered per merchant, each with its own
-- signing secret. Events are written in the same transaction as the state change they report
-- (outbox), with one delivery per subscribed endpoint; workers in any number of provider
-- processes take due deliveries with FOR UPDATE SKIP LOCKED and lease them by moving
-- next_attempt_at forward, so a crashed worker's claims come back on their own.
-- Every timestamp is written from the provider's injected clock, never the database's now().
create table webhook_endpoints (
  id text primary key,
  merchant_id text not null references merchants (id),
  url text not null,
  -- Kept readable because signing needs it; see provider/webhooks/README.md ("Secrets at rest").
  secret text not null,
  enabled_events text[] not null,
  created_at timestamptz not null,
  disabled_at timestamptz
);
create index webhook_endpoints_by_merchant on webhook_endpoints (merchant_id, created_at)
  where disabled_at is null;

create table webhook_events (
  id text primary key,
  -- Insertion order, for stable newest-first pagination when many events share a timestamp.
  seq bigint generated always as identity unique,
  merchant_id text not null references merchants (id),
  type text not null,
  -- The event's `data` object, as delivered.
  data jsonb not null,
  created_at timestamptz not null
);
create index webhook_events_by_merchant on webhook_events (merchant_id, seq);

create table webhook_deliveries (
  event_id text not null references webhook_events (id),
  endpoint_id text not null references webhook_endpoints (id),
  status text not null check (status in ('pending', 'delivered', 'failed')),
  -- Attempts started (claims); also the fencing token that makes a stale worker's result a no-op.
  attempt_count integer not null default 0 check (attempt_count >= 0),
  -- Due time while pending (a claim moves it to the lease's end); null once settled.
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  primary key (event_id, endpoint_id),
  check ((status = 'pending') = (next_attempt_at is not null)),
  check ((status = 'delivered') = (delivered_at is not null))
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at)
  where status = 'pending';
create index webhook_deliveries_by_endpoint on webhook_deliveries (endpoint_id)
  where status = 'pending';

-- Subscriptions (provider/subscriptions/). A plan is a price per period; a subscription is one
-- shopper paying a plan from one address in one ERC-20 token on one chain to one recipient, each
-- period through a checkout session of its own (an invoice). Plans never change once created.
-- Every status change goes through transitionSubscription (provider/subscriptions) and writes
-- its webhook event in the same transaction. Timestamps come from the provider's injected clock.
create table subscription_plans (
  id text primary key,
  merchant_id text not null references merchants (id),
  name text not null,
  -- The price of one period in minor units of currency (bounded by the API to 15 digits).
  amount_minor int8 not null check (amount_minor > 0),
  currency text not null,
  interval_unit text not null check (interval_unit in ('day', 'week', 'month', 'year')),
  interval_count int4 not null check (interval_count >= 1),
  trial_days int4 not null check (trial_days >= 0),
  -- Paid periods in all; null: until canceled.
  cycles int4 check (cycles is null or cycles >= 2),
  allowance_margin_percent int4 not null check (allowance_margin_percent between 0 and 100),
  grace_period_hours int4 not null check (grace_period_hours >= 1),
  recipients jsonb not null,
  accepted_assets jsonb not null,
  metadata jsonb not null,
  created_at timestamptz not null
);
create index subscription_plans_by_merchant on subscription_plans (merchant_id, created_at);

-- The first checkout session of a would-be subscription: paying it (or starting the trial on it)
-- creates the subscription.
create table subscription_checkouts (
  session_id text primary key references checkout_sessions (id),
  merchant_id text not null references merchants (id),
  plan_id text not null references subscription_plans (id),
  metadata jsonb not null,
  created_at timestamptz not null
);

create table subscriptions (
  id text primary key,
  merchant_id text not null references merchants (id),
  plan_id text not null references subscription_plans (id),
  -- One subscription per first checkout session, however often its payment is reported.
  checkout_session_id text not null unique references subscription_checkouts (session_id),
  status text not null
    check (status in ('trialing', 'active', 'past_due', 'canceled', 'ended')),
  -- EIP-55; the payer of the first period (or the signer of the trial start).
  subscriber text not null,
  -- What the wallet granted for (SubscriptionGrant, as the API shows it): token, chain,
  -- recipient, amount per period, anchor, expiry. Renewals are billed in exactly this.
  grant_terms jsonb not null,
  -- The start of period 0 (the grant's start_time).
  billing_anchor timestamptz not null,
  trial_end timestamptz,
  -- Periods paid, from 0: the next one to bill is period number paid_periods.
  paid_periods int4 not null check (paid_periods >= 0),
  -- When the next renewal falls due (start of period paid_periods); null when none will.
  next_renewal_at timestamptz,
  -- A cancellation scheduled for the end of the paid time.
  cancel_at timestamptz,
  canceled_at timestamptz,
  cancellation_reason text check (cancellation_reason in ('merchant', 'subscriber', 'unpaid')),
  ended_at timestamptz,
  metadata jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index subscriptions_by_merchant on subscriptions (merchant_id, created_at);
-- The renewal sweeper's scan.
create index subscriptions_due on subscriptions (next_renewal_at)
  where status in ('trialing', 'active');
-- The scheduled-cancellation sweep.
create index subscriptions_cancel_due on subscriptions (cancel_at)
  where cancel_at is not null and status in ('trialing', 'active', 'past_due');

-- One invoice per billed period, never two: (subscription_id, period_index) is unique. Period 0
-- of a paid start is the first checkout session itself.
create table subscription_invoices (
  id text primary key,
  subscription_id text not null references subscriptions (id),
  period_index int4 not null check (period_index >= 0),
  session_id text not null unique references checkout_sessions (id),
  status text not null check (status in ('open', 'paid', 'missed', 'void')),
  period_start timestamptz not null,
  period_end timestamptz not null check (period_end > period_start),
  grace_ends_at timestamptz not null,
  paid_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (subscription_id, period_index),
  check ((status = 'paid') = (paid_at is not null))
);
-- The grace sweep (open → missed) and the end-of-period sweep of missed ones.
create index subscription_invoices_unpaid on subscription_invoices (grace_ends_at)
  where status in ('open', 'missed');

-- Every change to a checkout session or to one of its payments is announced on the channel
-- `checkout_session_changed` with the session's id as payload (`*`: all of them, after a
-- TRUNCATE). The session read cache (provider/checkout/createSessionReadCache.ts) forgets a
-- session when it hears it, in every process. NOTIFY is transactional: the announcement is sent
-- at commit, never for a change rolled back, and repeats within one transaction are merged.
create function announce_checkout_session_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('checkout_session_changed', old.id);
  else
    perform pg_notify('checkout_session_changed', new.id);
  end if;
  return null;
end
$$;

create function announce_checkout_payment_change() returns trigger
language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform pg_notify('checkout_session_changed', old.session_id);
  end if;
  -- An update that moved a payment to another session (never done today) changes both.
  if tg_op <> 'DELETE' then
    perform pg_notify('checkout_session_changed', new.session_id);
  end if;
  return null;
end
$$;

create function announce_checkout_sessions_truncated() returns trigger
language plpgsql as $$
begin
  perform pg_notify('checkout_session_changed', '*');
  return null;
end
$$;

create trigger checkout_sessions_announce
  after update or delete on checkout_sessions
  for each row execute function announce_checkout_session_change();

create trigger checkout_payments_announce
  after insert or update or delete on checkout_payments
  for each row execute function announce_checkout_payment_change();

create trigger checkout_sessions_truncate_announce
  after truncate on checkout_sessions
  for each statement execute function announce_checkout_sessions_truncated();

create trigger checkout_payments_truncate_announce
  after truncate on checkout_payments
  for each statement execute function announce_checkout_sessions_truncated();

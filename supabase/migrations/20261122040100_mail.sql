-- E-mail: the record of every message the system sends, which makes sending idempotent (a retried
-- `send-email` job never delivers twice) and lets staff see what was sent to whom.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One e-mail the system sent or is sending, keyed by its dedupe key (the job's id unless the
-- sender gave one); status 'sent' means a transport accepted it.
create table public.email_deliveries (
  dedupe_key text primary key,
  recipient text not null,
  template text not null,
  locale text not null,
  transport text,
  status text not null default 'sending' check (status in ('sending', 'sent')),
  attempts int not null default 0,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_deliveries_recipient_idx on public.email_deliveries (recipient, created_at desc);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

-- Only the jobs worker (database owner) writes deliveries; staff read them under RLS.
revoke all on public.email_deliveries from anon, authenticated;
grant select on public.email_deliveries to authenticated;
grant all on public.email_deliveries to service_role;

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.email_deliveries enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff read e-mail deliveries" on public.email_deliveries
  for select to authenticated
  using ((select app.is_staff()));

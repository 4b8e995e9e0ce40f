-- Conversations: threads with customers on chat apps, e-mail and phone, per shop, and their
-- messages. Staff of the conversation's shop read and write them, admins everything; marketers,
-- suppliers and visitors nothing. Webhooks (Edge Functions, service role) write inbound messages.
--
-- Derived values: conversations.last_message_at (max of messages.sent_at) and the customer's link
-- to the shop. Set-based recompute after a seed loaded with triggers off:
--   update public.conversations v set last_message_at = m.last
--     from (select conversation_id, max(sent_at) as last from public.messages group by 1) m
--    where m.conversation_id = v.id and v.last_message_at is distinct from m.last;
--   select app.refresh_all_customer_stats();  -- links customers to their conversations' shops

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One thread with a customer (or someone not yet known) on one channel, in one shop. order_id is
-- the order it produced; its foreign key is added by the orders migration.
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  customer_id uuid references public.customers (id) on delete set null,
  channel text not null check (channel in ('whatsapp', 'instagram', 'messenger', 'tiktok', 'email', 'phone', 'manual')),
  external_thread_id text check (length(external_thread_id) between 1 and 500),
  subject text check (length(subject) <= 500),
  status text not null default 'open' check (status in ('open', 'pending', 'closed')),
  assigned_to uuid references public.profiles (id) on delete set null,
  order_id uuid,
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint conversations_thread_unique unique (channel, external_thread_id)
);
create index conversations_shop_inbox_idx on public.conversations (shop_id, last_message_at desc nulls last);
create index conversations_customer_id_idx on public.conversations (customer_id);
create index conversations_assigned_to_idx on public.conversations (assigned_to);
create index conversations_order_id_idx on public.conversations (order_id);

-- One message of a conversation: received (inbound), sent (outbound), or an internal note.
-- attachments are storage paths; external_id is the channel's id, so webhooks retry safely.
create table public.messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  direction text not null check (direction in ('inbound', 'outbound', 'note')),
  author_id uuid references public.profiles (id) on delete set null,
  body text check (length(body) <= 20000),
  attachments jsonb not null default '[]' check (jsonb_typeof(attachments) = 'array'),
  external_id text,
  sent_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  constraint messages_external_id_unique unique (conversation_id, external_id),
  constraint messages_have_content check (nullif(btrim(body), '') is not null or jsonb_array_length(attachments) > 0)
);
create index messages_conversation_idx on public.messages (conversation_id, sent_at);
create index messages_author_id_idx on public.messages (author_id);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.conversations, public.messages from anon, authenticated;
grant select, delete on public.conversations to authenticated;
grant insert (shop_id, customer_id, channel, external_thread_id, subject, status, assigned_to, order_id),
      update (customer_id, subject, status, assigned_to, order_id) on public.conversations to authenticated;
grant select, insert (conversation_id, direction, body, attachments, external_id, sent_at), delete on public.messages to authenticated;
grant all on public.conversations, public.messages to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

create trigger touch_updated_at before update on public.conversations
  for each row execute function app.touch_updated_at();

-- A conversation makes its customer a customer of its shop.
create function app.link_conversation_customer() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.link_customer_to_shop(new.customer_id, new.shop_id);
  return null;
end
$$;
revoke all on function app.link_conversation_customer() from public;
create trigger link_customer after insert or update of customer_id on public.conversations
  for each row execute function app.link_conversation_customer();

-- A message written by a signed-in person is theirs, whatever the request says.
create function app.stamp_message_author() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    new.author_id := (select auth.uid());
  end if;
  return new;
end
$$;
create trigger stamp_author before insert on public.messages
  for each row execute function app.stamp_message_author();

-- Keeps conversations.last_message_at, reopens a closed conversation when the customer writes
-- again, and links the customer to the shop. security definer: the writer may be a webhook.
create function app.after_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v public.conversations;
begin
  update public.conversations c
     set last_message_at = greatest(c.last_message_at, new.sent_at),
         status = case when new.direction = 'inbound' and c.status = 'closed' then 'open' else c.status end
   where c.id = new.conversation_id
     and (c.last_message_at is null or c.last_message_at < new.sent_at or (new.direction = 'inbound' and c.status = 'closed'))
  returning c.* into v;
  if v.id is null then
    select * into v from public.conversations c where c.id = new.conversation_id;
  end if;
  perform app.link_customer_to_shop(v.customer_id, v.shop_id);
  return null;
end
$$;
revoke all on function app.after_message() from public;
create trigger after_message after insert on public.messages
  for each row execute function app.after_message();

select app.audit_table('public.conversations');
select app.audit_table('public.messages');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.conversations enable row level security;
alter table public.messages enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see their shops' conversations" on public.conversations
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

-- The customer must be one the caller already sees: attaching a conversation links the customer
-- to the shop, which must not be a way to reach another shop's customers.
create policy "Staff open conversations in their shops" on public.conversations
  for insert to authenticated
  with check (
    shop_id = any ((select app.staff_shop_ids())::uuid[])
    and (customer_id is null or exists (select 1 from public.customers c where c.id = conversations.customer_id))
  );

create policy "Staff handle their shops' conversations" on public.conversations
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (
    shop_id = any ((select app.staff_shop_ids())::uuid[])
    and (customer_id is null or exists (select 1 from public.customers c where c.id = conversations.customer_id))
  );

create policy "Admins delete conversations" on public.conversations
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff read their shops' messages" on public.messages
  for select to authenticated
  using (exists (select 1 from public.conversations c
                  where c.id = messages.conversation_id and c.shop_id = any ((select app.staff_shop_ids())::uuid[])));

-- People write replies and notes; inbound messages come from the channels' webhooks.
create policy "Staff reply and take notes in their shops' conversations" on public.messages
  for insert to authenticated
  with check (
    direction in ('outbound', 'note')
    and exists (select 1 from public.conversations c
                 where c.id = messages.conversation_id and c.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Admins delete messages" on public.messages
  for delete to authenticated
  using ((select app.is_admin()));

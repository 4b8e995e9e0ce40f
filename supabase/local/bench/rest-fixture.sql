-- Tables for `npm run bench:rest`: 30,000 items over 30 shops, 3,000 orders of 5 lines each.
drop table if exists public.bench_order_lines, public.bench_orders, public.bench_items, public.bench_events;

create table public.bench_items (
  id bigint primary key,
  shop_id int not null,
  name text not null,
  price_cents bigint not null,
  created_at timestamptz not null
);
create index on public.bench_items (shop_id, created_at desc);
insert into public.bench_items
select i, i % 30, 'Item ' || i, (i * 37) % 10000, timestamptz '2026-01-01' + i * interval '1 minute'
from generate_series(1, 30000) i;

create table public.bench_orders (id bigint primary key, customer text not null, total_cents bigint not null);
create table public.bench_order_lines (
  id bigint primary key,
  order_id bigint not null references public.bench_orders (id),
  item_id bigint not null references public.bench_items (id),
  quantity int not null
);
create index on public.bench_order_lines (order_id);
insert into public.bench_orders select i, 'Customer ' || i, i * 100 from generate_series(1, 3000) i;
insert into public.bench_order_lines select i, (i - 1) / 5 + 1, (i * 7) % 30000 + 1, i % 4 + 1 from generate_series(1, 15000) i;

create table public.bench_events (id bigint generated always as identity primary key, kind text not null, payload jsonb);
analyze;

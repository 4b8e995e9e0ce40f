// What every step of the demo seed shares: the connection (inside the seed's one transaction), the
// generator, the ids made so far, and small helpers to insert rows, call RPCs and act as a user.
import type pg from 'pg';
import { Random } from '../random.ts';
import type { ShopKey, SupplierKey } from './data/shops.ts';

export type Row = Record<string, any>;

export class Demo {
  readonly rng = new Random(2026);
  readonly users = new Map<string, string>();
  readonly shops = new Map<ShopKey, Row>();
  readonly suppliers = new Map<SupplierKey, Row>();
  readonly supplierWarehouses = new Map<SupplierKey, string>();
  readonly categories = new Map<string, Row>();
  readonly products = new Map<string, Row>();
  readonly variants = new Map<string, Row>();
  /** Demo customers in the order of data/customers.ts. */
  readonly customers: Row[] = [];
  readonly groups = new Map<string, string>();
  /** Orders the other steps refer to (invoices, returns, conversations), by a name. */
  readonly orders = new Map<string, Row>();
  /** Everything placed, oldest first. */
  readonly allOrders: Row[] = [];
  depot = '';
  /** Tables a step could not fill because their migration is missing. */
  readonly skipped: string[] = [];
  private readonly existing = new Set<string>();

  constructor(readonly client: pg.ClientBase) {}

  async query<T extends Row = Row>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>(text, values)).rows;
  }

  /** Loads which of the tables the seed may fill exist (domains land one migration at a time). */
  async loadTables(): Promise<void> {
    const rows = await this.query(`select table_name from information_schema.tables where table_schema = 'public'`);
    for (const r of rows) this.existing.add(r.table_name);
  }

  /** Does the table exist? If not, the step notes it and is skipped. */
  has(...tables: string[]): boolean {
    const missing = tables.filter((t) => !this.existing.has(t));
    for (const t of missing) if (!this.skipped.includes(t)) this.skipped.push(t);
    return missing.length === 0;
  }

  /** Inserts one row (columns by name, cast by Postgres from JSON) and returns it as stored. */
  async insert(table: string, row: Row): Promise<Row> {
    const columns = Object.keys(row).map((c) => `"${c}"`).join(', ');
    const [inserted] = await this.query(
      `insert into public.${table} (${columns}) select ${columns} from jsonb_populate_record(null::public.${table}, $1) returning *`,
      [JSON.stringify(row)],
    );
    return inserted;
  }

  async update(table: string, id: string, set: Row): Promise<Row> {
    const columns = Object.keys(set);
    const [updated] = await this.query(
      `update public.${table} t set ${columns.map((c) => `"${c}" = r."${c}"`).join(', ')}
         from jsonb_populate_record(null::public.${table}, $2) r where t.id = $1 returning t.*`,
      [id, JSON.stringify(set)],
    );
    if (!updated) throw new Error(`demo seed: no ${table} row ${id} to update`);
    return updated;
  }

  /** Calls public.<fn>(name => value, ...) and returns its result (a scalar, or a row as an object). */
  async rpc<T = any>(fn: string, args: Row): Promise<T> {
    const names = Object.keys(args);
    const [row] = await this.query(
      `select to_jsonb(r) as result from public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')}) r`,
      names.map((n) => (args[n] !== null && typeof args[n] === 'object' ? JSON.stringify(args[n]) : args[n])),
    );
    return row?.result as T;
  }

  /** Calls a public.<fn> that returns nothing. */
  async call(fn: string, args: Row): Promise<void> {
    const names = Object.keys(args);
    await this.query(
      `select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})::text`,
      names.map((n) => (args[n] !== null && typeof args[n] === 'object' ? JSON.stringify(args[n]) : args[n])),
    );
  }

  /**
   * Makes auth.uid() this user for what follows in the transaction, as PostgREST does for a signed-in
   * request: triggers stamp them as the actor and RPCs check their rights. The session stays the
   * owner's, so row-level security does not hide what the seed itself just wrote.
   */
  async actAs(email: string): Promise<void> {
    const id = this.users.get(email);
    if (!id) throw new Error(`demo seed: no user ${email}`);
    await this.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: id, role: 'authenticated', email })]);
  }

  shop(key: ShopKey): Row {
    const shop = this.shops.get(key);
    if (!shop) throw new Error(`demo seed: no shop ${key}`);
    return shop;
  }

  variant(sku: string): Row {
    const variant = this.variants.get(sku);
    if (!variant) throw new Error(`demo seed: no variant ${sku}`);
    return variant;
  }
}

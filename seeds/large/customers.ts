// Customers, with what makes them reachable: identities (e-mail, phone, WhatsApp), addresses and
// consents. Personal data is encrypted and hashed as the customers migration does (same keys, same
// formulas: app.decrypt_pii and app.find_customer_by_identity work on seeded rows), set-based from
// plaintext staged in the scratch schema seed_large; with one difference: the encryption uses
// s2k-mode=1 (one salted hash round instead of 65,536), since the key is 32 random bytes and not a
// password, which makes it 50 times faster; pgp_sym_decrypt reads the mode from each value.
import type pg from 'pg';
import { BASE_DATE, CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STREETS, type Counts } from './plan.ts';
import { DAY, iso, rng, uuid7, WeightedIndex } from './ids.ts';
import { NULL, text } from './sink.ts';
import type { Connections } from './connections.ts';
import type { Reference } from './reference.ts';

export interface Customers {
  id: string[];
  createdMs: Float64Array;
  groupCode: string[];
  /** Everyone, by how often they order; draw(random, k) stays among the first k (made before a date). */
  activity: WeightedIndex;
  /** Per shop: the customers whose home it is (ascending creation) and their activity. */
  byShop: Array<{ members: Int32Array; created: Float64Array; activity: WeightedIndex }>;
}

const START = BASE_DATE - 3 * 365 * DAY;
const SPAN = 3 * 365 * DAY - DAY;

export async function stageCustomers(connections: Connections, seed: number, counts: Counts, ref: Reference): Promise<Customers> {
  const random = rng(seed, 'customers');
  const sinks = await connections.sinks({
    'seed_large.customers': ['id', 'display_name', 'email', 'phone', 'customer_group_id', 'locale', 'home_shop_id', 'created_at'],
    'seed_large.identities': ['id', 'customer_id', 'kind', 'normalised', 'verified', 'created_at'],
    'seed_large.addresses': ['id', 'customer_id', 'label', 'address', 'country_code', 'is_default', 'created_at'],
    customer_consents: ['customer_id', 'channel', 'purpose', 'granted', 'source', 'recorded_at'],
  });
  const n = counts.customers;
  const shopIndex = new WeightedIndex(ref.shops.map((s) => s.weight));
  const out: Customers = { id: [], createdMs: new Float64Array(n), groupCode: [], activity: undefined!, byShop: [] };
  const weights = new Float64Array(n);
  const shopMembers: number[][] = ref.shops.map(() => []);
  for (let i = 0; i < n; i++) {
    const createdMs = START + Math.floor(((i + random.next()) / n) * SPAN);
    const created = iso(createdMs);
    const id = uuid7(random, createdMs);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const local = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z.]/g, '').toLowerCase();
    const email = random.chance(0.95) ? `${local}.${i + 1}@${random.pick(EMAIL_DOMAINS)}` : null;
    const phone = random.chance(0.5) ? `+336${String(10000000 + ((i * 7919) % 90000000)).padStart(8, '0')}` : null;
    const group = random.pickWeighted([[0, 80], [1, 12], [2, 5], [-1, 3]] as const);
    const home = shopIndex.draw(random);
    out.id.push(id);
    out.createdMs[i] = createdMs;
    out.groupCode.push(group < 0 ? '' : ref.groups[group].code);
    weights[i] = Math.min(60, (1 - random.next()) ** (-1 / 1.4));
    shopMembers[home].push(i);
    let pr = sinks['seed_large.customers'].add([id, text(`${first} ${last}`), email ?? NULL, phone ?? NULL, group < 0 ? NULL : ref.groups[group].id,
      random.chance(0.9) ? 'fr' : 'en', ref.shops[home].id, created].join('\t'));
    if (pr) await pr;
    if (email) {
      pr = sinks['seed_large.identities'].add([uuid7(random, createdMs), id, 'email', email, random.chance(0.7) ? 't' : 'f', created].join('\t'));
      if (pr) await pr;
    }
    if (phone) {
      pr = sinks['seed_large.identities'].add([uuid7(random, createdMs), id, 'phone', phone, 'f', created].join('\t'));
      if (pr) await pr;
      if (random.chance(0.3)) {
        pr = sinks['seed_large.identities'].add([uuid7(random, createdMs), id, 'whatsapp', phone, 't', created].join('\t'));
        if (pr) await pr;
      }
    }
    for (let a = random.chance(0.9) ? (random.chance(0.2) ? 2 : 1) : 0, k = 0; k < a; k++) {
      const [city, zip] = random.pick(CITIES);
      const country = random.pickWeighted([['FR', 92], ['BE', 4], ['CH', 2], ['LU', 1], ['DE', 1]] as const);
      pr = sinks['seed_large.addresses'].add([uuid7(random, createdMs), id, k === 0 ? 'Domicile' : 'Bureau',
        text(`${first} ${last}\n${random.int(1, 180)} ${random.pick(STREETS)}\n${zip} ${city}`), country, k === 0 ? 't' : 'f', created].join('\t'));
      if (pr) await pr;
    }
    if (email && random.chance(0.45)) {
      pr = sinks.customer_consents.add([id, 'email', 'marketing', 't', 'checkout', created].join('\t'));
      if (pr) await pr;
      if (random.chance(0.1)) {
        pr = sinks.customer_consents.add([id, 'email', 'marketing', 'f', 'unsubscribe link', iso(Math.min(BASE_DATE - DAY, createdMs + random.int(10, 400) * DAY))].join('\t'));
        if (pr) await pr;
      }
    }
  }
  await connections.endSinks(sinks);
  out.activity = new WeightedIndex(weights);
  out.byShop = shopMembers.map((members) => ({
    members: Int32Array.from(members),
    created: Float64Array.from(members, (i) => out.createdMs[i]),
    activity: new WeightedIndex(members.map((i) => weights[i])),
  }));
  return out;
}

// pii_hash and encrypt_pii of the customers migration, with the keys read once per statement.
const KEYS = `keys as (select (select value from app.secrets where name = 'pii_lookup') as lookup,
                         encode((select value from app.secrets where name = 'pii_encryption'), 'base64') as encryption)`;
const encrypt = (value: string) => `extensions.pgp_sym_encrypt(${value}, keys.encryption, 'cipher-algo=aes256, s2k-mode=1')`;

/** Moves the staged customers into public, encrypting and hashing on the way (three connections at once). */
export async function insertStagedCustomers(connections: Connections): Promise<void> {
  const run = (statement: string) => connections.with((client: pg.Client) => client.query(statement));
  await run(`
    with ${KEYS}
    insert into public.customers (id, display_name, email, phone_encrypted, customer_group_id, locale, home_shop_id, created_at, updated_at)
    select s.id, s.display_name, s.email, case when s.phone is not null then ${encrypt('s.phone')} end, s.customer_group_id, s.locale,
           s.home_shop_id, s.created_at, s.created_at
      from seed_large.customers s, keys order by s.id`);
  await Promise.all([
    run(`
      with ${KEYS}
      insert into public.customer_identities (id, customer_id, kind, value_hash, value_encrypted, display, verified, created_at)
      select s.id, s.customer_id, s.kind, extensions.hmac(convert_to(s.normalised, 'UTF8'), keys.lookup, 'sha256'), ${encrypt('s.normalised')},
             case when s.kind in ('phone', 'whatsapp') then app.mask_phone(s.normalised) else s.normalised end, s.verified, s.created_at
        from seed_large.identities s, keys order by s.id`),
    run(`
      with ${KEYS}
      insert into public.customer_addresses (id, customer_id, label, address_encrypted, country_code, is_default, created_at)
      select s.id, s.customer_id, s.label, ${encrypt('s.address')}, s.country_code, s.is_default, s.created_at
        from seed_large.addresses s, keys order by s.id`),
  ]);
}

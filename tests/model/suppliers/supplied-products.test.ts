// What a supplier sees of the catalogue follows its supplier products at once: the products
// policy reads app.supplied_products (one row per product a supplier supplies, counted by a
// trigger), which must always say what supplier_products says, races included.
import { describe, test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeSupplierProduct } from './builders.ts';
import { race } from '../race.ts';
import { as } from './helpers.ts';

let world: World;
before(async () => {
  world = await createWorld();
});

/** Rows of app.supplied_products that disagree with supplier_products (either way), for this world's suppliers. */
async function disagreements(): Promise<unknown[]> {
  return sql(
    `with truth as (select supplier_id, product_id, count(*)::int as variants from public.supplier_products
                     where supplier_id = any ($1) group by 1, 2),
          derived as (select supplier_id, product_id, variants from app.supplied_products where supplier_id = any ($1))
     (select 'missing' as problem, * from (table truth except table derived) m)
     union all
     (select 'extra', * from (table derived except table truth) e)`,
    [[world.supplierX, world.supplierY]],
  );
}

afterEach(async () => {
  assert.deepEqual(await disagreements(), []);
});

async function productsSeenBy(persona: 'supplierX' | 'supplierY', ids: string[]): Promise<string[]> {
  const { data, error } = await as(world, persona).from('products').select('id').in('id', ids).order('id');
  assert.equal(error, null);
  return data!.map((row: { id: string }) => row.id);
}

async function productWithVariants(count: number): Promise<{ productId: string; variantIds: string[] }> {
  const product = await makeProduct(world);
  const variantIds: string[] = [];
  for (let i = 0; i < count; i++) variantIds.push((await makeVariant(world, product.id)).id);
  return { productId: product.id, variantIds };
}

describe('a supplier sees a product', () => {
  test('from the first variant it supplies until the last one is gone', async () => {
    const { productId, variantIds: [first, second] } = await productWithVariants(2);
    assert.deepEqual(await productsSeenBy('supplierX', [productId]), []);

    const a = await makeSupplierProduct(world, world.supplierX, first);
    assert.deepEqual(await productsSeenBy('supplierX', [productId]), [productId]);
    const b = await makeSupplierProduct(world, world.supplierX, second);
    assert.deepEqual(await sql(`select variants from app.supplied_products where supplier_id = $1 and product_id = $2`, [world.supplierX, productId]), [{ variants: 2 }]);

    await sql(`delete from public.supplier_products where id = $1`, [a.id]);
    assert.deepEqual(await productsSeenBy('supplierX', [productId]), [productId]);
    await sql(`delete from public.supplier_products where id = $1`, [b.id]);
    assert.deepEqual(await productsSeenBy('supplierX', [productId]), []);
    assert.deepEqual(await sql(`select * from app.supplied_products where product_id = $1`, [productId]), []);
  });

  test('that another supplier supplies, not through the other supplier', async () => {
    const { productId, variantIds: [variant] } = await productWithVariants(1);
    await makeSupplierProduct(world, world.supplierY, variant);
    assert.deepEqual(await productsSeenBy('supplierX', [productId]), []);
    assert.deepEqual(await productsSeenBy('supplierY', [productId]), [productId]);
  });

  test('moved to another supplier, or to another product’s variant, along with its supplier product', async () => {
    const { productId: before, variantIds: [variant] } = await productWithVariants(1);
    const { productId: after, variantIds: [otherVariant] } = await productWithVariants(1);
    const supplied = await makeSupplierProduct(world, world.supplierX, variant);

    await sql(`update public.supplier_products set supplier_id = $2 where id = $1`, [supplied.id, world.supplierY]);
    assert.deepEqual(await productsSeenBy('supplierX', [before]), []);
    assert.deepEqual(await productsSeenBy('supplierY', [before]), [before]);

    // Only variant_id is sent; product_id follows by the fill trigger, and what Y sees with it.
    await sql(`update public.supplier_products set variant_id = $2 where id = $1`, [supplied.id, otherVariant]);
    assert.deepEqual(await productsSeenBy('supplierY', [before, after]), [after]);
  });
});

describe('app.supplied_products', () => {
  test('is read by a supplier for its own rows only, and by anonymous visitors not at all', async () => {
    const { productId, variantIds: [variant] } = await productWithVariants(1);
    await makeSupplierProduct(world, world.supplierX, variant);
    const seen = async (role: string, sub: string | null) => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [role, JSON.stringify({ sub, role })]);
        return (await client.query(`select supplier_id from app.supplied_products where product_id = $1`, [productId])).rows;
      } catch (error) {
        return (error as Error).message;
      } finally {
        await client.query('rollback').catch(() => {});
        await client.end();
      }
    };
    assert.deepEqual(await seen('authenticated', world.users.supplierX), [{ supplier_id: world.supplierX }]);
    assert.deepEqual(await seen('authenticated', world.users.supplierY), []);
    assert.deepEqual(await seen('authenticated', world.users.admin), []);
    assert.equal(await seen('anon', null), 'permission denied for table supplied_products');
  });

  test('counts right when two sessions remove the last two variants at once', async () => {
    const { productId, variantIds } = await productWithVariants(2);
    const [a, b] = await Promise.all(variantIds.map((id) => makeSupplierProduct(world, world.supplierX, id)));
    const refused = await race([`delete from public.supplier_products where id = $1`, [a.id]], [`delete from public.supplier_products where id = $1`, [b.id]]);
    assert.equal(refused, null);
    assert.deepEqual(await sql(`select * from app.supplied_products where product_id = $1`, [productId]), []);
  });

  test('keeps the product when one session removes its last variant while another adds one', async () => {
    const { productId, variantIds: [first, second] } = await productWithVariants(2);
    const a = await makeSupplierProduct(world, world.supplierX, first);
    const refused = await race(
      [`delete from public.supplier_products where id = $1`, [a.id]],
      [`insert into public.supplier_products (supplier_id, variant_id, supplier_sku, cost_cents) values ($1, $2, $3, 400)`, [world.supplierX, second, `RACE-${world.tag}`]],
    );
    assert.equal(refused, null);
    assert.deepEqual(await sql(`select variants from app.supplied_products where product_id = $1`, [productId]), [{ variants: 1 }]);
    assert.deepEqual(await productsSeenBy('supplierX', [productId]), [productId]);
  });

  test('is rebuilt from supplier_products after a load with triggers off', async () => {
    const { variantIds: [variant] } = await productWithVariants(1);
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await client.query(`insert into public.supplier_products (supplier_id, variant_id, product_id, supplier_sku, cost_cents)
                          select $1, id, product_id, 'LOAD-' || sku, 400 from public.product_variants where id = $2`, [world.supplierY, variant]);
      await client.query('commit');
    } finally {
      await client.end();
    }
    assert.equal((await disagreements()).length, 1);
    await sql('select app.rebuild_supplied_products()');
  });
});

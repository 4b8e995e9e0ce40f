// The product-media bucket the admin's image fields upload to: catalogue editors may upload,
// suppliers and anonymous visitors may not, and a public URL serves the bytes to anyone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, serviceClient } from '../helpers/env.ts';
import { createWorld, type World } from '../model/world.ts';
import { as } from '../model/refusals.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
let world: World;
const uploaded: string[] = [];

before(async () => { world = await createWorld(); });
after(async () => {
  if (uploaded.length) await serviceClient().storage.from('product-media').remove(uploaded);
});
const client = (persona: 'marketer' | 'supplierX' | 'anon') => (persona === 'anon' ? anonClient() : as(world, persona));

test('a marketer uploads a product photo and anyone reads it by its public URL', async () => {
  const path = `tests/${crypto.randomUUID()}.png`;
  const { error } = await client('marketer').storage.from('product-media').upload(path, PNG, { contentType: 'image/png' });
  assert.equal(error, null);
  uploaded.push(path);
  const { data } = client('anon').storage.from('product-media').getPublicUrl(path);
  const response = await fetch(data.publicUrl);
  assert.equal(response.status, 200);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
});

test('a supplier and an anonymous visitor may not upload product photos', async () => {
  for (const persona of ['supplierX', 'anon'] as const) {
    const path = `tests/${crypto.randomUUID()}.png`;
    const { error } = await client(persona).storage.from('product-media').upload(path, PNG, { contentType: 'image/png' });
    assert.ok(error, `${persona} uploaded`);
    assert.match(String((error as { statusCode?: string }).statusCode ?? ''), /^4/, `${persona}: ${error.message}`);
    const { data } = await serviceClient().storage.from('product-media').list('tests', { search: path.slice(6) });
    assert.deepEqual(data, [], `${persona}'s object exists`);
  }
});

test('the bucket takes only images', async () => {
  const { error } = await client('marketer').storage.from('product-media')
    .upload(`tests/${crypto.randomUUID()}.txt`, Buffer.from('hello'), { contentType: 'text/plain' });
  assert.ok(error);
});

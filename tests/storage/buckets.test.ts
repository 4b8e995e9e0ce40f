// Buckets: the service role creates, lists, reads, updates, empties and deletes them; anon and users
// without a policy on storage.buckets are refused exactly as Supabase Storage refuses them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { anonClient, createUser, serviceClient, storage, SERVICE_TOKEN, unique, type TestUser } from './helpers.ts';

const service = serviceClient();
let user: TestUser;

before(async () => {
  user = await createUser('bucket-user');
});

test('the service role creates a bucket and reads it back', async () => {
  const id = unique('crud');
  const created = await service.storage.createBucket(id, { public: false, fileSizeLimit: '2MB', allowedMimeTypes: ['image/*'] });
  assert.deepEqual(created, { data: { name: id }, error: null });
  const { data, error } = await service.storage.getBucket(id);
  assert.equal(error, null);
  assert.equal(data!.id, id);
  assert.equal(data!.name, id);
  assert.equal(data!.public, false);
  assert.equal(data!.file_size_limit, 2_000_000);
  assert.deepEqual(data!.allowed_mime_types, ['image/*']);
  const [row] = await sql('select public, file_size_limit from storage.buckets where id = $1', [id]);
  assert.deepEqual(row, { public: false, file_size_limit: '2000000' });
});

test('listBuckets returns the buckets the fixtures declared', async () => {
  const { data, error } = await service.storage.listBuckets();
  assert.equal(error, null);
  const ids = data!.map((b) => b.id);
  for (const id of ['avatars', 'documents', 'public-assets']) assert.ok(ids.includes(id), `${id} listed`);
  const docs = data!.find((b) => b.id === 'documents')!;
  assert.equal(docs.file_size_limit, 1024);
  assert.deepEqual(docs.allowed_mime_types, ['image/*', 'application/pdf']);
});

test('updateBucket changes public, the size limit and the MIME types', async () => {
  const id = unique('update');
  await service.storage.createBucket(id, { public: false });
  const { data, error } = await service.storage.updateBucket(id, { public: true, fileSizeLimit: 5000, allowedMimeTypes: ['text/plain'] });
  assert.equal(error, null);
  assert.deepEqual(data, { message: 'Successfully updated' });
  const [row] = await sql('select public, file_size_limit, allowed_mime_types from storage.buckets where id = $1', [id]);
  assert.deepEqual(row, { public: true, file_size_limit: '5000', allowed_mime_types: ['text/plain'] });
});

test('a bucket with objects cannot be deleted until it is emptied', async () => {
  const id = unique('full');
  await service.storage.createBucket(id, { public: false });
  await service.storage.from(id).upload('a/one.txt', 'one');
  await service.storage.from(id).upload('two.txt', 'two');

  const refused = await storage(`/bucket/${id}`, { method: 'DELETE', token: SERVICE_TOKEN });
  assert.equal(refused.status, 400);
  assert.deepEqual(await refused.json(), {
    statusCode: '409', error: 'ResourceNotEmpty', message: 'The bucket you tried to delete is not empty',
  });

  assert.deepEqual(await service.storage.emptyBucket(id), { data: { message: 'Successfully emptied' }, error: null });
  assert.deepEqual(await sql('select name from storage.objects where bucket_id = $1', [id]), []);
  assert.deepEqual(await service.storage.deleteBucket(id), { data: { message: 'Successfully deleted' }, error: null });
  assert.deepEqual(await sql('select id from storage.buckets where id = $1', [id]), []);
});

test('a missing bucket is "Bucket not found"', async () => {
  const response = await storage('/bucket/no-such-bucket', { token: SERVICE_TOKEN });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    statusCode: '404', error: 'Bucket not found', message: 'Bucket not found',
  });
});

test('a bucket id that already exists is a Duplicate', async () => {
  const { error } = await service.storage.createBucket('avatars', { public: false });
  assert.equal(error?.message, 'The resource already exists');
  assert.equal((error as any).statusCode, '409');
});

test('an invalid bucket name is refused', async () => {
  const response = await storage('/bucket', {
    method: 'POST', token: SERVICE_TOKEN, headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bad/name' }),
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    statusCode: '400', error: 'Invalid Input', message: 'Bucket name invalid',
  });
});

test('without a policy on storage.buckets, anon and users cannot create buckets', async () => {
  for (const client of [anonClient(), user.client]) {
    const id = unique('denied');
    const { data, error } = await client.storage.createBucket(id, { public: true });
    assert.equal(data, null);
    assert.equal(error?.message, 'new row violates row-level security policy');
    assert.equal((error as any).statusCode, '403');
    assert.equal((error as any).status, 400);
    assert.deepEqual(await sql('select id from storage.buckets where id = $1', [id]), []);
  }
});

test('without a policy, users see no bucket and cannot change or delete one', async () => {
  const { data: listed } = await user.client.storage.listBuckets();
  assert.deepEqual(listed, []);
  const { error: getError } = await user.client.storage.getBucket('avatars');
  assert.equal(getError?.message, 'Bucket not found');
  const { error: updateError } = await user.client.storage.updateBucket('avatars', { public: true });
  assert.equal(updateError?.message, 'Bucket not found');
  const { error: deleteError } = await anonClient().storage.deleteBucket('public-assets');
  assert.equal(deleteError?.message, 'Bucket not found');
  const [row] = await sql("select public from storage.buckets where id = 'avatars'");
  assert.equal(row.public, false);
});

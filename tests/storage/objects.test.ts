// Objects through supabase-js as their owner: upload (raw and multipart), download, info, exists,
// list with folders, upsert, move, copy and remove, with storage-api's headers and bodies.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { createUser, filesOnDisk, objectRow, storage, type TestUser } from './helpers.ts';

let alice: TestUser;
const avatars = () => alice.client.storage.from('avatars');

before(async () => {
  alice = await createUser('alice');
});

test('a raw upload stores bytes and a row with Supabase metadata', async () => {
  const path = `${alice.id}/notes/hello.txt`;
  const { data, error } = await avatars().upload(path, 'hello world', { contentType: 'text/plain', cacheControl: '60' });
  assert.equal(error, null);
  assert.equal(data!.path, path);
  assert.equal(data!.fullPath, `avatars/${path}`);
  const row = await objectRow('avatars', path);
  assert.equal(data!.id, row.id);
  assert.equal(row.owner, alice.id);
  assert.equal(row.owner_id, alice.id);
  assert.deepEqual(row.path_tokens, [alice.id, 'notes', 'hello.txt']);
  assert.equal(row.metadata.size, 11);
  assert.equal(row.metadata.contentLength, 11);
  assert.equal(row.metadata.mimetype, 'text/plain');
  assert.equal(row.metadata.cacheControl, 'max-age=60');
  assert.equal(row.metadata.httpStatusCode, 200);
  assert.match(row.metadata.eTag, /^"[0-9a-f]{32}"$/);
  assert.ok(filesOnDisk().includes(`avatars/${path}/${row.version}`));

  const { data: blob, error: downloadError } = await avatars().download(path);
  assert.equal(downloadError, null);
  assert.equal(await blob!.text(), 'hello world');
});

test('a Blob upload goes as multipart/form-data with cacheControl and user metadata', async () => {
  const path = `${alice.id}/blob.json`;
  const blob = new Blob([JSON.stringify({ a: 1 })], { type: 'application/json' });
  const { error } = await avatars().upload(path, blob, { metadata: { origin: 'test' } });
  assert.equal(error, null);
  const row = await objectRow('avatars', path);
  assert.equal(row.metadata.mimetype, 'application/json');
  assert.equal(row.metadata.cacheControl, 'max-age=3600');
  assert.deepEqual(row.user_metadata, { origin: 'test' });

  const { data: info, error: infoError } = await avatars().info(path);
  assert.equal(infoError, null);
  assert.equal(info!.id, row.id);
  assert.equal(info!.name, path);
  assert.equal(info!.bucketId, 'avatars');
  assert.equal(info!.size, 7);
  assert.equal(info!.contentType, 'application/json');
  assert.equal(info!.cacheControl, 'max-age=3600');
  assert.equal(info!.etag, row.metadata.eTag);
  assert.deepEqual(info!.metadata, { origin: 'test' });
});

test('downloads carry ETag, Last-Modified, Cache-Control, ranges and ?download', async () => {
  const path = `${alice.id}/headers.txt`;
  await avatars().upload(path, '0123456789', { contentType: 'text/plain', cacheControl: '120' });
  const row = await objectRow('avatars', path);

  const full = await storage(`/object/authenticated/avatars/${path}`, { token: alice.token });
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('etag'), row.metadata.eTag);
  assert.equal(full.headers.get('cache-control'), 'max-age=120');
  assert.equal(full.headers.get('content-type'), 'text/plain');
  assert.equal(full.headers.get('content-length'), '10');
  assert.equal(full.headers.get('accept-ranges'), 'bytes');
  assert.equal(full.headers.get('last-modified'), new Date(row.metadata.lastModified).toUTCString());
  assert.equal(await full.text(), '0123456789');

  const part = await storage(`/object/avatars/${path}`, { token: alice.token, headers: { range: 'bytes=2-4' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), 'bytes 2-4/10');
  assert.equal(await part.text(), '234');

  const cached = await storage(`/object/avatars/${path}`, { token: alice.token, headers: { 'if-none-match': row.metadata.eTag } });
  assert.equal(cached.status, 304);

  const named = await storage(`/object/avatars/${path}?download=report.txt`, { token: alice.token });
  assert.equal(named.headers.get('content-disposition'), "attachment; filename=report.txt; filename*=UTF-8''report.txt;");
  const plain = await storage(`/object/avatars/${path}?download`, { token: alice.token });
  assert.equal(plain.headers.get('content-disposition'), 'attachment;');

  const head = await storage(`/object/avatars/${path}`, { method: 'HEAD', token: alice.token });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '10');
});

test('exists is true for an object and false for a missing one', async () => {
  const path = `${alice.id}/exists.txt`;
  await avatars().upload(path, 'x');
  assert.deepEqual((await avatars().exists(path)).data, true);
  assert.deepEqual((await avatars().exists(`${alice.id}/nope.txt`)).data, false);
});

test('a missing object is "Object not found"', async () => {
  const response = await storage(`/object/avatars/${alice.id}/missing.txt`, { token: alice.token });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
});

test('uploading over an existing object is a Duplicate unless upsert is set', async () => {
  const path = `${alice.id}/dup.txt`;
  await avatars().upload(path, 'first');
  const { data, error } = await avatars().upload(path, 'second');
  assert.equal(data, null);
  assert.equal(error?.message, 'The resource already exists');
  assert.equal((error as any).statusCode, '409');
  const { data: kept } = await avatars().download(path);
  assert.equal(await kept!.text(), 'first');

  const before = await objectRow('avatars', path);
  const { error: upsertError } = await avatars().upload(path, 'third', { upsert: true });
  assert.equal(upsertError, null);
  const after = await objectRow('avatars', path);
  assert.equal(after.id, before.id);
  assert.notEqual(after.version, before.version);
  assert.equal(await (await avatars().download(path)).data!.text(), 'third');
  const versions = filesOnDisk().filter((f) => f.startsWith(`avatars/${path}/`));
  assert.deepEqual(versions, [`avatars/${path}/${after.version}`], 'the replaced version is gone from disk');

  const { error: updateError } = await avatars().update(path, 'fourth');
  assert.equal(updateError, null);
  assert.equal(await (await avatars().download(path)).data!.text(), 'fourth');
});

test('list shows one level: folders (null id) then files, with prefix, search, limit and offset', async () => {
  const base = `${alice.id}/list`;
  for (const name of ['b.txt', 'a.txt', 'sub/c.txt', 'sub/deeper/d.txt', 'other/e.txt']) {
    await avatars().upload(`${base}/${name}`, name);
  }
  const { data, error } = await avatars().list(base);
  assert.equal(error, null);
  assert.deepEqual(data!.map((e) => [e.name, e.id === null]), [
    ['other', true], ['sub', true], ['a.txt', false], ['b.txt', false],
  ]);
  const file = data!.find((e) => e.name === 'a.txt')!;
  assert.equal(file.metadata!.size, 5);
  assert.ok(file.created_at && file.updated_at && file.last_accessed_at);
  const folder = data!.find((e) => e.name === 'sub')!;
  assert.deepEqual(folder, { name: 'sub', id: null, updated_at: null, created_at: null, last_accessed_at: null, metadata: null });

  const { data: nested } = await avatars().list(`${base}/sub`);
  assert.deepEqual(nested!.map((e) => e.name), ['deeper', 'c.txt']);
  const { data: searched } = await avatars().list(base, { search: 'b' });
  assert.deepEqual(searched!.map((e) => e.name), ['b.txt']);
  const { data: paged } = await avatars().list(base, { limit: 2, offset: 1 });
  assert.deepEqual(paged!.map((e) => e.name), ['sub', 'a.txt']);
  const { data: desc } = await avatars().list(base, { sortBy: { column: 'name', order: 'desc' } });
  assert.deepEqual(desc!.map((e) => e.name), ['sub', 'other', 'b.txt', 'a.txt']);
});

test('move renames the object and its bytes', async () => {
  const from = `${alice.id}/move/from.txt`;
  const to = `${alice.id}/move/to.txt`;
  await avatars().upload(from, 'moving');
  const { data, error } = await avatars().move(from, to);
  assert.equal(error, null);
  assert.deepEqual(data, { message: 'Successfully moved' });
  assert.equal(await objectRow('avatars', from), undefined);
  assert.equal(await (await avatars().download(to)).data!.text(), 'moving');
  assert.deepEqual(filesOnDisk().filter((f) => f.startsWith(`avatars/${from}`)), []);
});

test('copy duplicates the object and keeps the source', async () => {
  const from = `${alice.id}/copy/from.txt`;
  const to = `${alice.id}/copy/to.txt`;
  await avatars().upload(from, 'copied', { metadata: { k: 'v' } });
  const { data, error } = await avatars().copy(from, to);
  assert.equal(error, null);
  assert.deepEqual(data, { path: `avatars/${to}` });
  assert.equal(await (await avatars().download(from)).data!.text(), 'copied');
  assert.equal(await (await avatars().download(to)).data!.text(), 'copied');
  const copy = await objectRow('avatars', to);
  assert.deepEqual(copy.user_metadata, { k: 'v' });
  assert.equal(copy.owner, alice.id);
});

test('remove deletes several objects and returns them', async () => {
  const paths = [`${alice.id}/rm/1.txt`, `${alice.id}/rm/2.txt`];
  for (const p of paths) await avatars().upload(p, p);
  const { data, error } = await avatars().remove([...paths, `${alice.id}/rm/missing.txt`]);
  assert.equal(error, null);
  assert.deepEqual(data!.map((o) => o.name).sort(), paths);
  assert.equal(data![0].bucket_id, 'avatars');
  assert.deepEqual(await sql("select name from storage.objects where name like $1", [`${alice.id}/rm/%`]), []);
  assert.deepEqual(filesOnDisk().filter((f) => f.startsWith(`avatars/${alice.id}/rm`)), []);

  await avatars().upload(`${alice.id}/rm/single.txt`, 'x');
  const single = await storage(`/object/avatars/${alice.id}/rm/single.txt`, { method: 'DELETE', token: alice.token });
  assert.deepEqual(await single.json(), { message: 'Successfully deleted' });
});

test('listV2 lists full keys, folders with a delimiter, and pages with a cursor', async () => {
  const base = `${alice.id}/v2/`;
  for (const name of ['b.txt', 'A.txt', 'c/1.txt', 'c/2.txt', 'd/3.txt']) await avatars().upload(`${base}${name}`, name);

  const { data, error } = await avatars().listV2({ prefix: base, with_delimiter: true });
  assert.equal(error, null);
  assert.equal(data!.hasNext, false);
  assert.equal(data!.nextCursor, undefined);
  assert.deepEqual(data!.folders.map((f) => f.name), [`${base}c/`, `${base}d/`]);
  assert.deepEqual(data!.objects.map((o) => o.name), [`${base}A.txt`, `${base}b.txt`]);
  assert.equal(data!.objects[0].metadata!.size, 5);

  const { data: flat } = await avatars().listV2({ prefix: base, sortBy: { column: 'name', order: 'desc' } });
  assert.deepEqual(flat!.objects.map((o) => o.name.slice(base.length)), ['d/3.txt', 'c/2.txt', 'c/1.txt', 'b.txt', 'A.txt']);

  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data: page } = await avatars().listV2({ prefix: base, limit: 2, cursor });
    seen.push(...page!.objects.map((o) => o.name.slice(base.length)));
    cursor = page!.hasNext ? page!.nextCursor : undefined;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.deepEqual(seen, ['A.txt', 'b.txt', 'c/1.txt', 'c/2.txt', 'd/3.txt']);

  const bob = await createUser('bob');
  const { data: hidden } = await bob.client.storage.from('avatars').listV2({ prefix: base });
  assert.deepEqual(hidden, { hasNext: false, folders: [], objects: [] });
});

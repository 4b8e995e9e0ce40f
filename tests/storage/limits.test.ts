// Refusals that protect the bucket and the disk: invalid keys and path traversal, the bucket's and
// the global size limits, the bucket's MIME types. Each refusal leaves no row and no file behind.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SUPABASE_URL } from '../helpers/env.ts';
import { createUser, filesOnDisk, filesOutsideStorage, objectRow, storage, type TestUser } from './helpers.ts';

let alice: TestUser;

before(async () => {
  alice = await createUser('alice');
});

const invalidKey = (key: string) => ({ statusCode: '400', error: 'InvalidKey', message: `Invalid key: ${key}` });

test('keys that climb out of the bucket or are absolute are "Invalid key" and write nothing', async () => {
  const before = filesOnDisk().length;
  for (const [encoded, key] of [
    [`${alice.id}%2F%2e%2e%2F%2e%2e%2F%2e%2e%2Fescape-1.txt`, `${alice.id}/../../../escape-1.txt`],
    ['%2Fetc%2Fescape-2.txt', '/etc/escape-2.txt'],
    [`${alice.id}/sub%2F..%2F..%2Fescape-3.txt`, `${alice.id}/sub/../../escape-3.txt`],
    [`${alice.id}/a//escape-4.txt`, `${alice.id}/a//escape-4.txt`],
  ]) {
    const response = await storage(`/object/avatars/${encoded}`, {
      method: 'POST', token: alice.token, body: 'pwned', headers: { 'content-type': 'text/plain' },
    });
    assert.equal(response.status, 400, key);
    assert.deepEqual(await response.json(), invalidKey(key));
  }
  assert.equal(filesOnDisk().length, before);
  for (const n of [1, 2, 3, 4]) assert.deepEqual(filesOutsideStorage(`escape-${n}`), []);
});

test('literal dot segments never reach a file outside the storage directory', async () => {
  const url = new URL(SUPABASE_URL);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: 'POST', path: `/storage/v1/object/avatars/../../../../escape-5.txt`,
        headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'text/plain' } },
      (res) => {
        res.resume();
        resolve(res.statusCode!);
      },
    );
    req.on('error', reject);
    req.end('pwned');
  });
  assert.ok(status >= 400 && status < 500, `refused with ${status}`);
  assert.deepEqual(filesOutsideStorage('escape-5'), []);
});

test('ASCII characters outside the S3-safe set are "Invalid key"; other unicode is fine', async () => {
  const { error } = await alice.client.storage.from('avatars').upload(`${alice.id}/bad<name>.txt`, 'x');
  assert.equal(error?.message, `Invalid key: ${alice.id}/bad<name>.txt`);
  const unicode = `${alice.id}/café crème/reçu №1.txt`;
  const { error: fine } = await alice.client.storage.from('avatars').upload(unicode, 'ok');
  assert.equal(fine, null);
  assert.equal(await (await alice.client.storage.from('avatars').download(unicode)).data!.text(), 'ok');
  assert.ok(filesOnDisk().some((f) => f.startsWith(`avatars/${unicode}/`)));
});

test("an object over the bucket's limit is refused and nothing is kept", async () => {
  const path = `${alice.id}/big.png`;
  const before = filesOnDisk();
  for (const body of [new Uint8Array(1025), new Blob([new Uint8Array(1025)], { type: 'image/png' })]) {
    const { data, error } = await alice.client.storage.from('documents').upload(path, body, { contentType: 'image/png' });
    assert.equal(data, null);
    assert.equal(error?.message, 'The object exceeded the maximum allowed size');
    assert.equal((error as any).statusCode, '413');
  }
  const response = await storage(`/object/documents/${path}`, {
    method: 'POST', token: alice.token, body: new Uint8Array(1025), headers: { 'content-type': 'image/png' },
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    statusCode: '413', error: 'Payload too large', message: 'The object exceeded the maximum allowed size',
  });
  assert.equal(await objectRow('documents', path), undefined);
  assert.deepEqual(filesOnDisk(), before);

  const { error: fits } = await alice.client.storage.from('documents').upload(path, new Uint8Array(1024), { contentType: 'image/png' });
  assert.equal(fits, null);
});

test('an object over the global limit ([storage] file_size_limit = "50MiB") is refused', async () => {
  const path = `${alice.id}/huge.bin`;
  const before = filesOnDisk();
  const { error } = await alice.client.storage.from('avatars').upload(path, new Uint8Array(50 * 1024 * 1024 + 1), {
    contentType: 'application/octet-stream',
  });
  assert.equal(error?.message, 'The object exceeded the maximum allowed size');
  assert.equal(await objectRow('avatars', path), undefined);
  assert.deepEqual(filesOnDisk(), before);
});

test('a MIME type the bucket does not allow is refused; wildcards match', async () => {
  const path = `${alice.id}/doc.txt`;
  const { error } = await alice.client.storage.from('documents').upload(path, 'text', { contentType: 'text/plain' });
  assert.equal(error?.message, 'mime type text/plain is not supported');
  assert.equal((error as any).statusCode, '415');
  const response = await storage(`/object/documents/${path}`, {
    method: 'POST', token: alice.token, body: 'x', headers: { 'content-type': 'text/html' },
  });
  assert.deepEqual(await response.json(), {
    statusCode: '415', error: 'invalid_mime_type', message: 'mime type text/html is not supported',
  });
  assert.equal(await objectRow('documents', path), undefined);

  for (const [name, type] of [['pic.webp', 'image/webp'], ['doc.pdf', 'application/pdf']]) {
    const { error: allowed } = await alice.client.storage.from('documents').upload(`${alice.id}/${name}`, 'x', { contentType: type });
    assert.equal(allowed, null, type);
  }
});

test('a missing bucket is refused before anything is read', async () => {
  const { error } = await alice.client.storage.from('no-such-bucket').upload(`${alice.id}/x.txt`, 'x');
  assert.equal(error?.message, 'Bucket not found');
});

test('when the bytes cannot be written, the row is rolled back too', async () => {
  // An object's versions live in a folder named after it, so a key that needs one of those version
  // files to be a folder cannot be written: the insert that preceded the write must not survive.
  const path = `${alice.id}/clash.txt`;
  await alice.client.storage.from('avatars').upload(path, 'x');
  const { version } = await objectRow('avatars', path);
  const clashing = `${path}/${version}/inner.txt`;
  const response = await storage(`/object/avatars/${clashing}`, {
    method: 'POST', token: alice.token, body: 'y', headers: { 'content-type': 'text/plain' },
  });
  assert.equal(response.status, 500);
  assert.equal(await objectRow('avatars', clashing), undefined);
  assert.deepEqual(filesOnDisk().filter((f) => f.startsWith('.tmp/')), []);
});

test('an empty .emptyFolderPlaceholder skips the MIME check; a non-empty one is refused', async () => {
  const path = `${alice.id}/folder/.emptyFolderPlaceholder`;
  const { error } = await alice.client.storage.from('documents').upload(path, new Uint8Array(0), { contentType: 'text/plain' });
  assert.equal(error, null);
  const { error: refused } = await alice.client.storage.from('documents').upload(`${alice.id}/other/.emptyFolderPlaceholder`, 'x');
  assert.equal(refused?.message, 'The object exceeded the maximum allowed size');
  const { data } = await alice.client.storage.from('documents').list(alice.id);
  assert.ok(data!.some((e) => e.name === 'folder' && e.id === null));
});

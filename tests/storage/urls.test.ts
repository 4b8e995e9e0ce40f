// URLs that work without the caller's credentials: public object URLs (no apikey at all), signed
// download URLs until they expire, and signed upload URLs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createUser, objectRow, serviceClient, STORAGE_URL, type TestUser } from './helpers.ts';

let alice: TestUser;
const service = serviceClient();

before(async () => {
  alice = await createUser('alice');
  await service.storage.from('public-assets').upload('logos/shop.txt', 'public bytes', { contentType: 'text/plain', upsert: true });
});

test('a public bucket object downloads from its public URL with no apikey and no token', async () => {
  const { data } = service.storage.from('public-assets').getPublicUrl('logos/shop.txt');
  assert.equal(data.publicUrl, `${STORAGE_URL}/object/public/public-assets/logos/shop.txt`);
  const response = await fetch(data.publicUrl);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'public bytes');
  assert.equal(response.headers.get('content-type'), 'text/plain');

  const named = await fetch(service.storage.from('public-assets').getPublicUrl('logos/shop.txt', { download: 'shop.txt' }).data.publicUrl);
  assert.equal(named.headers.get('content-disposition'), "attachment; filename=shop.txt; filename*=UTF-8''shop.txt;");
});

test('a private bucket has no public URL', async () => {
  await alice.client.storage.from('avatars').upload(`${alice.id}/private.txt`, 'private');
  const response = await fetch(`${STORAGE_URL}/object/public/avatars/${alice.id}/private.txt`);
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' });
  const missing = await fetch(`${STORAGE_URL}/object/public/public-assets/nope.txt`);
  assert.deepEqual(await missing.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
});

test('a signed URL serves a private object without apikey until it expires', async () => {
  const path = `${alice.id}/signed.txt`;
  await alice.client.storage.from('avatars').upload(path, 'signed bytes');
  const { data, error } = await alice.client.storage.from('avatars').createSignedUrl(path, 2);
  assert.equal(error, null);
  assert.match(data!.signedUrl, new RegExp(`^${STORAGE_URL}/object/sign/avatars/${path}\\?token=`));
  const ok = await fetch(data!.signedUrl);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), 'signed bytes');
  assert.ok(ok.headers.get('expires'), 'signed URLs answer with Expires');

  // Two seconds, not one: expiry counts whole seconds from iat, and a loaded machine can take most of one.
  await new Promise((resolve) => setTimeout(resolve, 3100));
  const late = await fetch(data!.signedUrl);
  assert.equal(late.status, 400);
  assert.deepEqual(await late.json(), {
    statusCode: '400', error: 'InvalidJWT', message: '"exp" claim timestamp check failed',
  });
});

test('a tampered or misused signed URL is refused', async () => {
  const path = `${alice.id}/tamper.txt`;
  await alice.client.storage.from('avatars').upload(path, 'x');
  const { data } = await alice.client.storage.from('avatars').createSignedUrl(path, 60);
  const url = new URL(data!.signedUrl);
  const token = url.searchParams.get('token')!;
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, url: `avatars/${alice.id}/other.txt` })).toString('base64url');

  const tampered = await fetch(`${STORAGE_URL}/object/sign/avatars/${alice.id}/other.txt?token=${header}.${forged}.${signature}`);
  assert.deepEqual(await tampered.json(), {
    statusCode: '400', error: 'InvalidJWT', message: 'signature verification failed',
  });
  const elsewhere = await fetch(`${STORAGE_URL}/object/sign/avatars/${alice.id}/other.txt?token=${token}`);
  assert.deepEqual(await elsewhere.json(), {
    statusCode: '400', error: 'InvalidSignature', message: 'Invalid signature',
  });
});

test('createSignedUrls signs several paths and reports the missing ones', async () => {
  await alice.client.storage.from('avatars').upload(`${alice.id}/batch-1.txt`, 'one');
  const { data, error } = await alice.client.storage.from('avatars').createSignedUrls([`${alice.id}/batch-1.txt`, `${alice.id}/none.txt`], 60);
  assert.equal(error, null);
  assert.equal(data![0].error, null);
  assert.equal(await (await fetch(data![0].signedUrl!)).text(), 'one');
  assert.equal(data![1].error, 'Either the object does not exist or you do not have access to it');
  assert.equal(data![1].signedUrl, null);
});

test('a signed upload URL lets anyone holding it upload that one path', async () => {
  const path = `${alice.id}/dropbox.txt`;
  const { data, error } = await alice.client.storage.from('avatars').createSignedUploadUrl(path);
  assert.equal(error, null);
  assert.equal(data!.path, path);
  assert.equal(await objectRow('avatars', path), undefined, 'creating the URL writes nothing');

  const stranger = serviceClient();
  const { data: uploaded, error: uploadError } = await stranger.storage
    .from('avatars')
    .uploadToSignedUrl(path, data!.token, 'dropped', { contentType: 'text/plain' });
  assert.equal(uploadError, null);
  assert.equal(uploaded!.fullPath, `avatars/${path}`);
  const row = await objectRow('avatars', path);
  assert.equal(row.owner, alice.id);
  assert.equal(await (await alice.client.storage.from('avatars').download(path)).data!.text(), 'dropped');

  const raw = await fetch(`${STORAGE_URL}/object/upload/sign/avatars/${alice.id}/elsewhere.txt?token=${data!.token}`, {
    method: 'PUT', body: 'x', headers: { 'content-type': 'text/plain' },
  });
  assert.deepEqual(await raw.json(), {
    statusCode: '400', error: 'InvalidSignature', message: 'Invalid signature',
  });
  const again = await stranger.storage.from('avatars').uploadToSignedUrl(path, data!.token, 'twice');
  assert.equal(again.error?.message, 'The resource already exists');
});

test('a signed upload URL is only handed to someone allowed to upload there', async () => {
  const bob = await createUser('bob');
  const { data, error } = await bob.client.storage.from('avatars').createSignedUploadUrl(`${alice.id}/intrusion.txt`);
  assert.equal(data, null);
  assert.equal(error?.message, 'new row violates row-level security policy');
});

// Per persona, under the fixture's folder-per-user policies: Bob's private objects are invisible to
// Alice (read, list, sign: "Object not found"), and her writes into his folder are refused by RLS,
// leaving his row and bytes untouched; anon gets nothing; a bad token is refused before any SQL.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { signJwt } from '../helpers/env.ts';
import { anonClient, createUser, filesOnDisk, objectRow, serviceClient, SERVICE_TOKEN, storage, type TestUser } from './helpers.ts';

let alice: TestUser;
let bob: TestUser;
let bobPath: string;
let bobVersion: string;

before(async () => {
  alice = await createUser('alice');
  bob = await createUser('bob');
  bobPath = `${bob.id}/private.txt`;
  const { error } = await bob.client.storage.from('avatars').upload(bobPath, 'bob secret');
  assert.equal(error, null);
  bobVersion = (await objectRow('avatars', bobPath)).version;
});

async function bobUntouched() {
  const row = await objectRow('avatars', bobPath);
  assert.equal(row.version, bobVersion);
  assert.equal(row.owner, bob.id);
  assert.deepEqual(filesOnDisk().filter((f) => f.startsWith(`avatars/${bob.id}/`)), [`avatars/${bobPath}/${bobVersion}`]);
  const { data } = await serviceClient().storage.from('avatars').download(bobPath);
  assert.equal(await data!.text(), 'bob secret');
}

test("Alice cannot read Bob's object: it is not found for her", async () => {
  const { data, error } = await alice.client.storage.from('avatars').download(bobPath);
  assert.equal(data, null);
  assert.equal((error as any).status, 400);
  const response = await storage(`/object/authenticated/avatars/${bobPath}`, { token: alice.token });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
  const { error: infoError } = await alice.client.storage.from('avatars').info(bobPath);
  assert.equal(infoError?.message, 'Object not found');
  const { error: signError } = await alice.client.storage.from('avatars').createSignedUrl(bobPath, 60);
  assert.equal(signError?.message, 'Object not found');
});

test("Alice does not see Bob's objects when listing", async () => {
  const { data: root } = await alice.client.storage.from('avatars').list();
  assert.ok(!root!.some((e) => e.name === bob.id));
  const { data: folder } = await alice.client.storage.from('avatars').list(bob.id);
  assert.deepEqual(folder, []);
  const { data: signed } = await alice.client.storage.from('avatars').createSignedUrls([bobPath], 60);
  assert.deepEqual(signed, [{ error: 'Either the object does not exist or you do not have access to it', path: bobPath, signedURL: null, signedUrl: null }]);
});

test("Alice cannot write into Bob's folder, nor overwrite his object", async () => {
  const { error } = await alice.client.storage.from('avatars').upload(`${bob.id}/planted.txt`, 'x');
  assert.equal(error?.message, 'new row violates row-level security policy');
  assert.equal((error as any).statusCode, '403');
  assert.equal(await objectRow('avatars', `${bob.id}/planted.txt`), undefined);

  const raw = await storage(`/object/avatars/${bob.id}/planted.txt`, {
    method: 'POST', token: alice.token, body: 'x', headers: { 'content-type': 'text/plain' },
  });
  assert.equal(raw.status, 400);
  assert.equal(await raw.text(), '{"statusCode":"403","error":"Unauthorized","message":"new row violates row-level security policy"}');

  const { error: upsertError } = await alice.client.storage.from('avatars').upload(bobPath, 'overwritten', { upsert: true });
  assert.equal(upsertError?.message, 'new row violates row-level security policy');
  const { error: updateError } = await alice.client.storage.from('avatars').update(bobPath, 'overwritten');
  assert.equal(updateError?.message, 'new row violates row-level security policy');
  await bobUntouched();
});

test("Alice cannot move, copy or remove Bob's object", async () => {
  const { error: moveError } = await alice.client.storage.from('avatars').move(bobPath, `${alice.id}/stolen.txt`);
  assert.equal(moveError?.message, 'Object not found');
  const { error: copyError } = await alice.client.storage.from('avatars').copy(bobPath, `${alice.id}/stolen.txt`);
  assert.equal(copyError?.message, 'Object not found');
  const { data: removed, error: removeError } = await alice.client.storage.from('avatars').remove([bobPath]);
  assert.equal(removeError, null);
  assert.deepEqual(removed, []);
  const single = await storage(`/object/avatars/${bobPath}`, { method: 'DELETE', token: alice.token });
  assert.deepEqual(await single.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
  assert.equal(await objectRow('avatars', `${alice.id}/stolen.txt`), undefined);
  await bobUntouched();
});

test('Alice cannot move her own object into Bob\'s folder', async () => {
  const mine = `${alice.id}/mine.txt`;
  await alice.client.storage.from('avatars').upload(mine, 'mine');
  const { error } = await alice.client.storage.from('avatars').move(mine, `${bob.id}/gift.txt`);
  assert.equal(error?.message, 'new row violates row-level security policy');
  assert.equal((await objectRow('avatars', mine)).name, mine);
  assert.equal(await (await alice.client.storage.from('avatars').download(mine)).data!.text(), 'mine');
});

test('anon can neither read nor upload private objects', async () => {
  const { error } = await anonClient().storage.from('avatars').download(bobPath);
  assert.equal((error as any).status, 400);
  const { error: uploadError } = await anonClient().storage.from('avatars').upload(`${bob.id}/anon.txt`, 'x');
  assert.equal(uploadError?.message, 'new row violates row-level security policy');
  assert.equal(await objectRow('avatars', `${bob.id}/anon.txt`), undefined);
});

test('the service role bypasses RLS', async () => {
  const { data } = await serviceClient().storage.from('avatars').list(bob.id);
  assert.deepEqual(data!.map((e) => e.name), ['private.txt']);
});

test('a forged or expired token is refused as storage-api refuses it', async () => {
  const forged = await signJwt({ sub: alice.id, role: 'authenticated' }, { secret: 'not-the-project-secret-but-long-enough!!' });
  const response = await storage(`/object/avatars/${alice.id}/mine.txt`, { token: forged });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    statusCode: '403', error: 'Unauthorized', message: 'signature verification failed',
  });
  const expired = await signJwt({ sub: alice.id, role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 60 });
  const late = await storage(`/object/avatars/${alice.id}/mine.txt`, { token: expired });
  assert.deepEqual(await late.json(), {
    statusCode: '403', error: 'Unauthorized', message: '"exp" claim timestamp check failed',
  });
});

test('without an Authorization header, the apikey decides the role', async () => {
  const asService = await storage(`/object/avatars/${bobPath}`, { headers: { apikey: SERVICE_TOKEN } });
  assert.equal(asService.status, 200);
  assert.equal(await asService.text(), 'bob secret');
  const asAnon = await storage(`/object/avatars/${bobPath}`);
  assert.equal(asAnon.status, 400);
  assert.deepEqual(await asAnon.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
});

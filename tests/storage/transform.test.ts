// Image transformation: /render/image returns the image at the requested size and format, checked
// with sharp, for public URLs, authenticated downloads and signed URLs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createUser, serviceClient, storage, STORAGE_URL, type TestUser } from './helpers.ts';

let alice: TestUser;
let png: Buffer;
const service = serviceClient();

before(async () => {
  alice = await createUser('alice');
  png = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
  await service.storage.from('public-assets').upload('images/red.png', png, { contentType: 'image/png', upsert: true });
  await alice.client.storage.from('avatars').upload(`${alice.id}/red.png`, png, { contentType: 'image/png' });
});

async function imageOf(response: Response) {
  assert.equal(response.status, 200, await response.clone().text());
  const buffer = Buffer.from(await response.arrayBuffer());
  const meta = await sharp(buffer).metadata();
  return { width: meta.width, height: meta.height, format: meta.format, type: response.headers.get('content-type') };
}

test('a public render URL resizes with cover, keeping the original format', async () => {
  const { data } = service.storage.from('public-assets').getPublicUrl('images/red.png', {
    transform: { width: 100, height: 100, resize: 'cover', format: 'origin' },
  });
  assert.equal(data.publicUrl, `${STORAGE_URL}/render/image/public/public-assets/images/red.png?width=100&height=100&resize=cover&format=origin`);
  assert.deepEqual(await imageOf(await fetch(data.publicUrl)), { width: 100, height: 100, format: 'png', type: 'image/png' });
});

test('contain fits inside the box and keeps the aspect ratio; fill stretches', async () => {
  const base = `${STORAGE_URL}/render/image/public/public-assets/images/red.png`;
  assert.deepEqual(await imageOf(await fetch(`${base}?width=100&height=100&resize=contain&format=origin`)),
    { width: 100, height: 75, format: 'png', type: 'image/png' });
  assert.deepEqual(await imageOf(await fetch(`${base}?width=50&height=120&resize=fill&format=origin`)),
    { width: 50, height: 120, format: 'png', type: 'image/png' });
  assert.deepEqual(await imageOf(await fetch(`${base}?width=200&format=origin`)),
    { width: 200, height: 150, format: 'png', type: 'image/png' });
});

test('format webp and avif convert; without format, webp when the client accepts it', async () => {
  const base = `${STORAGE_URL}/render/image/public/public-assets/images/red.png`;
  assert.deepEqual(await imageOf(await fetch(`${base}?width=80&height=60&format=webp&quality=50`)),
    { width: 80, height: 60, format: 'webp', type: 'image/webp' });
  const avif = await imageOf(await fetch(`${base}?width=80&height=60&format=avif`));
  assert.equal(avif.type, 'image/avif');
  assert.equal(avif.format, 'heif');
  assert.deepEqual(await imageOf(await fetch(`${base}?width=80`, { headers: { accept: 'image/webp,*/*' } })),
    { width: 80, height: 60, format: 'webp', type: 'image/webp' });
});

test('an authenticated download with transform renders as the caller', async () => {
  const { data, error } = await alice.client.storage.from('avatars').download(`${alice.id}/red.png`, {
    transform: { width: 40, height: 30, format: 'origin' },
  });
  assert.equal(error, null);
  const meta = await sharp(Buffer.from(await data!.arrayBuffer())).metadata();
  assert.deepEqual([meta.width, meta.height, meta.format], [40, 30, 'png']);

  const bob = await createUser('bob');
  const refused = await storage(`/render/image/authenticated/avatars/${alice.id}/red.png?width=40`, { token: bob.token });
  assert.deepEqual(await refused.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
});

test('a signed URL with transform renders through /render/image/sign', async () => {
  const { data, error } = await alice.client.storage.from('avatars').createSignedUrl(`${alice.id}/red.png`, 60, {
    transform: { width: 120, height: 90, resize: 'fill', format: 'origin' },
  });
  assert.equal(error, null);
  assert.match(data!.signedUrl, /\/render\/image\/sign\/avatars\//);
  assert.deepEqual(await imageOf(await fetch(data!.signedUrl)), { width: 120, height: 90, format: 'png', type: 'image/png' });
});

test('a quality outside 20–100 is refused', async () => {
  const response = await fetch(`${STORAGE_URL}/render/image/public/public-assets/images/red.png?width=10&quality=5`);
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    statusCode: '400', error: 'Bad Request', message: 'querystring/quality must be >= 20',
  });
});

// URLs for images kept in Storage. A list page asks for many at once; the requests made in the
// same tick are batched into one createSignedUrls call per bucket (signed URLs work for public and
// private buckets alike, and the storage policies decide whether the user may see the file).
import { supabase } from '../../supabase.ts';

const LIFETIME_SECONDS = 60 * 60;
const cache = new Map<string, Promise<string | null>>();
let pending = new Map<string, Map<string, (url: string | null) => void>>();
let scheduled = false;

async function flush() {
  const batches = pending;
  pending = new Map();
  scheduled = false;
  for (const [bucket, waiting] of batches) {
    const paths = [...waiting.keys()];
    const { data, error } = await supabase.storage.from(bucket).createSignedUrls(paths, LIFETIME_SECONDS);
    for (const path of paths) {
      const found = error ? null : data?.find((item) => item.path === path)?.signedUrl ?? null;
      waiting.get(path)?.(found);
    }
  }
}

/** A URL to show `path` of `bucket` (a value that already is a URL is returned as it is). */
export function storageUrl(bucket: string | null, path: string): Promise<string | null> {
  if (/^(https?:|data:|blob:)/.test(path)) return Promise.resolve(path);
  if (!bucket) return Promise.resolve(null);
  const key = `${bucket}/${path}`;
  const known = cache.get(key);
  if (known) return known;
  const promise = new Promise<string | null>((resolve) => {
    const waiting = pending.get(bucket) ?? new Map<string, (url: string | null) => void>();
    waiting.set(path, resolve);
    pending.set(bucket, waiting);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(() => void flush());
    }
  });
  cache.set(key, promise);
  // Signed URLs expire: forget them a little before they do.
  setTimeout(() => cache.delete(key), (LIFETIME_SECONDS - 60) * 1000);
  return promise;
}

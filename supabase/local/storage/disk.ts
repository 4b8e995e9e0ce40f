// Where object bytes live: <storageDir>/<bucket>/<key>/<version>, like storage-api's file backend.
// A new upload is written to <storageDir>/.tmp first and renamed into place only once its row is in,
// so a refused upload leaves no file and a failed write leaves no row.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { ERRORS } from './errors.ts';

export interface StagedFile {
  path: string;
  size: number;
  eTag: string;
}

export class Disk {
  readonly root: string;
  private readonly tmp: string;

  constructor(storageDir: string) {
    this.root = resolve(storageDir);
    this.tmp = join(this.root, '.tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.tmp, { recursive: true });
  }

  /** The file of one version of an object; refuses anything that would resolve outside the root. */
  pathOf(bucket: string, key: string, version: string): string {
    const path = resolve(this.root, bucket, key, version);
    const bucketDir = resolve(this.root, bucket);
    if (!path.startsWith(bucketDir + sep) || bucketDir === this.root || bucket.startsWith('.')) {
      throw ERRORS.invalidKey(key);
    }
    return path;
  }

  /** Streams bytes to a temporary file, refusing more than `limit` bytes (413, nothing kept). */
  async stage(source: Readable | Buffer, limit: number): Promise<StagedFile> {
    const path = join(this.tmp, randomUUID());
    const hash = createHash('md5');
    let size = 0;
    try {
      if (Buffer.isBuffer(source)) {
        if (source.length > limit) throw ERRORS.entityTooLarge();
        size = source.length;
        hash.update(source);
        await pipeline(async function* () { yield source; }, createWriteStream(path));
      } else {
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              size += chunk.length;
              if (size > limit) throw ERRORS.entityTooLarge();
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(path),
        );
      }
    } catch (error) {
      await unlink(path).catch(() => {});
      throw error;
    }
    return { path, size, eTag: `"${hash.digest('hex')}"` };
  }

  /** Moves a staged file to its object path. */
  async commit(staged: StagedFile, target: string): Promise<void> {
    await mkdir(dirname(target), { recursive: true });
    await rename(staged.path, target);
  }

  async discard(path: string): Promise<void> {
    await unlink(path).catch(() => {});
  }

  async copy(from: string, to: string): Promise<void> {
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
  }

  async move(from: string, to: string): Promise<void> {
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
  }

  /** Deletes every version of an object but `keep`, then the folders left empty. */
  async prune(bucket: string, key: string, keep?: string): Promise<void> {
    const dir = dirname(this.pathOf(bucket, key, 'x'));
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile() && entry.name !== keep) await unlink(join(dir, entry.name)).catch(() => {});
    }
    await this.removeEmptyDirs(dir, resolve(this.root, bucket));
  }

  async removeBucket(bucket: string): Promise<void> {
    const dir = resolve(this.root, bucket);
    if (dir.startsWith(this.root + sep) && !bucket.startsWith('.')) await rm(dir, { recursive: true, force: true });
  }

  async size(path: string): Promise<number | null> {
    return stat(path).then((s) => s.size, () => null);
  }

  read(path: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(path, range);
  }

  private async removeEmptyDirs(dir: string, stop: string): Promise<void> {
    let current = dir;
    while (current.startsWith(stop)) {
      const left = await readdir(current).catch(() => null);
      if (left === null || left.length > 0) return;
      await rmdir(current).catch(() => {});
      if (current === stop) return;
      current = dirname(current);
    }
  }
}

// Keeps at most one live worker per function and starts it on the first request. Concurrent
// requests share one start-up and one worker (Deno.serve handles them concurrently). A worker is
// replaced when its code may have changed: the entrypoint's (or the secrets file's) mtime differs,
// or a file under its root folder changed (file watching, see service.ts). A worker that failed to
// start is not kept: the next request tries again.
import { statSync } from 'node:fs';
import { Worker, type WorkerLimits } from './worker.ts';
import type { FunctionDef, FunctionRoot } from './registry.ts';

export interface RuntimeOptions {
  denoPath: string;
  cwd: string;
  scratchDir: string;
  limits: WorkerLimits;
  env: () => Record<string, string>;
  /** Files whose change (mtime) also calls for fresh workers, e.g. the secrets file. */
  watchedFiles: string[];
  log: (line: string) => void;
}

interface Slot {
  fingerprint: string;
  worker: Worker;
}

export class FunctionRuntime {
  private readonly slots = new Map<string, Slot>();
  private readonly generations = new Map<FunctionRoot, number>();
  private readonly all = new Set<Worker>();
  private closed = false;

  constructor(private readonly options: RuntimeOptions) {}

  /** A ready worker for the function, started if needed. Rejects with a PlatformError. */
  async acquire(def: FunctionDef, attempts = 2): Promise<Worker> {
    const fingerprint = this.fingerprint(def);
    let slot = this.slots.get(def.name);
    if (slot && (slot.fingerprint !== fingerprint || slot.worker.retiring || slot.worker.deathReason)) {
      slot.worker.retire();
      slot = undefined;
    }
    if (!slot) {
      if (this.closed) throw new Error('the functions runtime is stopped');
      const worker = new Worker({ ...this.options, def, env: this.options.env() });
      this.all.add(worker);
      worker.exited.then(() => this.all.delete(worker));
      slot = { fingerprint, worker };
      this.slots.set(def.name, slot);
    }
    const { worker } = slot;
    try {
      await worker.ready;
    } catch (error) {
      if (this.slots.get(def.name)?.worker === worker) this.slots.delete(def.name);
      throw error;
    }
    // Died between listening and now (crash right after start): one more try.
    if (worker.deathReason && attempts > 1) return this.acquire(def, attempts - 1);
    return worker;
  }

  /** Files under a root changed: its functions get fresh workers on their next request. */
  rootChanged(root: FunctionRoot): void {
    this.generations.set(root, (this.generations.get(root) ?? 0) + 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const worker of this.all) worker.kill('stopped');
    await Promise.all([...this.all].map((worker) => worker.exited));
  }

  private fingerprint(def: FunctionDef): string {
    const mtimes = [def.entrypoint, ...this.options.watchedFiles].map(mtime);
    return JSON.stringify([def.entrypoint, mtimes, def.denoConfig, this.generations.get(def.root) ?? 0]);
  }
}

/** A file's mtime, or 0 when it is missing (the start-up will say so if it matters). */
function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

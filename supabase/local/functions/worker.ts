// One function's Deno process. It runs a generated main module that loads deno/prelude.ts and then
// the function's entrypoint, so that:
//  - a module graph that fails to load (syntax error, missing file or import) exits before the
//    prelude reports "evaluating": a boot error (503 BOOT_ERROR);
//  - code that throws while being evaluated exits after it: a worker error (500 WORKER_ERROR);
//  - once Deno.serve() listens, the prelude reports the port and requests are proxied to it.
// Lifetime follows the platform's wall clock limit: the worker is retired (no new requests) at
// half of it and killed at the limit; a worker that dies with requests in flight makes them fail
// with WORKER_ERROR, or WORKER_RESOURCE_LIMIT when a limit (wall clock, memory) killed it.
import { spawn, type ChildProcess } from 'node:child_process';
import { Pool } from 'undici';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { PlatformError } from './errors.ts';
import type { FunctionDef } from './registry.ts';

const MARKER = '\u001e@@comptoir-worker ';
const PRELUDE = new URL('./deno/prelude.ts', import.meta.url).href;

export interface WorkerLimits {
  /** Time a response (or its next chunk) may take once the worker has the request (504). */
  requestIdleTimeoutMs: number;
  /** How long a worker lives (retired at half, killed at the end). */
  wallClockLimitMs: number;
  /** V8 heap limit; going over it kills the worker (546). */
  memoryLimitMb: number;
  /** How long start-up (module loading and evaluation until Deno.serve listens) may take. */
  bootTimeoutMs: number;
}

export interface WorkerSpec {
  def: FunctionDef;
  denoPath: string;
  cwd: string;
  env: Record<string, string>;
  scratchDir: string;
  limits: WorkerLimits;
  log: (line: string) => void;
}

export type DeathReason = 'crashed' | 'wall clock time limit reached' | 'memory limit exceeded' | 'retired' | 'stopped' | 'boot failed';

let nextId = 1;

export class Worker {
  readonly id = nextId++;
  /** Keep-alive connections to the worker's Deno.serve (set once it listens). */
  pool!: Pool;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
  port = 0;
  inFlight = 0;
  retiring = false;
  deathReason?: DeathReason;
  private readonly child: ChildProcess;
  private readonly mainModule: string;
  private readonly timers: NodeJS.Timeout[] = [];
  private stderrTail: string[] = [];

  constructor(private readonly spec: WorkerSpec) {
    const { def, limits } = spec;
    this.mainModule = join(spec.scratchDir, `${def.name}-${this.id}.ts`);
    writeFileSync(
      this.mainModule,
      `import { afterEntry } from ${JSON.stringify(PRELUDE)};\n` +
        `import * as entry from ${JSON.stringify(pathToFileURL(def.entrypoint).href)};\n` +
        `afterEntry(entry);\n`,
    );
    const args = [
      'run', '--no-prompt', '--no-lock', '--node-modules-dir=manual',
      '--allow-net', '--allow-env', '--allow-read', '--allow-sys', `--allow-write=${tmpdir()}`,
      `--v8-flags=--max-old-space-size=${limits.memoryLimitMb}`,
      ...(def.denoConfig ? [def.denoConfig.flag, def.denoConfig.path] : []),
      this.mainModule,
    ];
    this.child = spawn(spec.denoPath, args, { cwd: spec.cwd, env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.child.once('close', () => this.onExit());
    this.child.on('error', (error) => spec.log(`[functions] ${def.name}: cannot run ${spec.denoPath}: ${error.message}`));
    this.ready = this.watchOutput();
    this.ready.catch(() => {});
  }

  get name(): string {
    return this.spec.def.name;
  }

  /** No new requests; stops once the ones in flight are done. */
  retire(): void {
    this.retiring = true;
    if (this.inFlight === 0) this.kill('retired');
  }

  /** A request it was serving is over. */
  release(): void {
    this.inFlight--;
    if (this.retiring && this.inFlight === 0) this.kill('retired');
  }

  kill(reason: DeathReason): void {
    if (this.deathReason) return;
    this.deathReason = reason;
    if (reason !== 'retired' && reason !== 'stopped') this.spec.log(`[functions] ${this.name}: worker ${this.id} shut down: ${reason}`);
    this.child.kill('SIGKILL');
  }

  private watchOutput(): Promise<void> {
    const { def, limits, log } = this.spec;
    return new Promise((resolve, reject) => {
      let evaluating = false;
      let bootError: string | undefined;
      const bootTimer = setTimeout(() => {
        log(`[functions] ${def.name}: worker boot error: did not listen within ${limits.bootTimeoutMs} ms`);
        this.kill('boot failed');
        reject(new PlatformError('BOOT_ERROR'));
      }, limits.bootTimeoutMs);
      this.timers.push(bootTimer);

      lines(this.child.stdout!, (line) => {
        if (!line.startsWith(MARKER)) return log(`[functions] ${def.name}: ${line}`);
        const [event, ...rest] = line.slice(MARKER.length).split(' ');
        if (event === 'evaluating') evaluating = true;
        else if (event === 'boot-error') bootError = rest.join(' ');
        else if (event === 'ready') {
          clearTimeout(bootTimer);
          this.port = Number(rest[0]);
          this.pool = new Pool(`http://127.0.0.1:${this.port}`, { keepAliveTimeout: 30_000 });
          log(`[functions] ${def.name}: worker ${this.id} listening on 127.0.0.1:${this.port}`);
          this.timers.push(setTimeout(() => this.retire(), limits.wallClockLimitMs / 2));
          this.timers.push(setTimeout(() => this.kill('wall clock time limit reached'), limits.wallClockLimitMs));
          resolve();
        }
      });
      lines(this.child.stderr!, (line) => {
        this.stderrTail = [...this.stderrTail.slice(-40), line];
        log(`[functions] ${def.name}: ${line}`);
      });
      this.child.once('close', (code, signal) => {
        clearTimeout(bootTimer);
        if (this.port) return;
        const reason = bootError ?? (this.stderrTail.join('\n').trim() || `exited with ${signal ?? `code ${code}`}`);
        const failure = bootError || !evaluating ? 'BOOT_ERROR' : 'WORKER_ERROR';
        if (!this.deathReason) log(`[functions] ${def.name}: worker boot error (${failure}): ${reason}`);
        this.deathReason ??= 'boot failed';
        reject(new PlatformError(failure));
      });
    });
  }

  private onExit(): void {
    for (const timer of this.timers) clearTimeout(timer);
    if (!this.deathReason) {
      const oom = this.stderrTail.some((line) => /out of memory/i.test(line));
      this.deathReason = oom ? 'memory limit exceeded' : 'crashed';
      if (this.port) this.spec.log(`[functions] ${this.name}: worker ${this.id} exited: ${this.deathReason}`);
    }
    this.pool?.destroy().catch(() => {});
    rmSync(this.mainModule, { force: true });
  }
}

/** Calls `onLine` for each line of a stream. */
function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) if (part.trim()) onLine(part);
  });
  stream.on('end', () => pending.trim() && onLine(pending));
}

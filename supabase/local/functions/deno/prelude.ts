// Runs inside each function's Deno process, before the function's own module (see worker.ts).
// It makes the function's `Deno.serve(...)` listen where the gateway expects it (127.0.0.1 on a
// port chosen by the OS), reports start-up to the parent on stdout with marker lines, supports
// `export default { fetch }` entrypoints and `EdgeRuntime.waitUntil`, and exits when the parent
// goes away (its stdin closes), so a crashed gateway leaves no orphan.

const MARKER = '\u001e@@comptoir-worker ';
const encoder = new TextEncoder();

function report(line: string): void {
  Deno.stdout.writeSync(encoder.encode(`\n${MARKER}${line}\n`));
}

type Handler = (request: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;
type Options = Record<string, unknown> & { handler?: Handler };

const originalServe = Deno.serve.bind(Deno) as (options: Options, handler: Handler) => unknown;
let served = false;

function serve(...args: unknown[]): unknown {
  let options: Options = {};
  let handler: Handler | undefined;
  if (typeof args[0] === 'function') handler = args[0] as Handler;
  else {
    options = { ...(args[0] as Options | undefined) };
    handler = typeof args[1] === 'function' ? (args[1] as Handler) : options.handler;
  }
  if (typeof handler !== 'function') throw new TypeError('Deno.serve() needs a handler function');
  if (served) throw new Error('Deno.serve() can only be called once in an Edge Function');
  served = true;
  // Where to listen is the runtime's business, as on Supabase: drop the function's own choice.
  for (const key of ['port', 'hostname', 'path', 'transport', 'cert', 'key', 'reusePort', 'handler', 'onListen']) delete options[key];
  return originalServe(
    { ...options, hostname: '127.0.0.1', port: 0, onListen: (addr: unknown) => report(`ready ${(addr as Deno.NetAddr).port}`) },
    handler,
  );
}

Object.defineProperty(Deno, 'serve', { value: serve, writable: true, configurable: true });

// Supabase's runtime global for background tasks: the worker outlives the response here anyway.
Object.defineProperty(globalThis, 'EdgeRuntime', {
  value: Object.freeze({ waitUntil: (promise: Promise<unknown>) => promise }),
  configurable: true,
});

// The parent holds our stdin open; when it closes (parent gone), stop.
(async () => {
  const buffer = new Uint8Array(64);
  try {
    while ((await Deno.stdin.read(buffer)) !== null) { /* nothing is ever sent */ }
  } catch { /* closed */ }
  Deno.exit(0);
})();

report('evaluating');

/** Called once the function's module has been evaluated. */
export function afterEntry(entry: Record<string, unknown>): void {
  if (served) return;
  const fallback = entry.default as { fetch?: Handler } | undefined;
  if (fallback && typeof fallback.fetch === 'function') {
    serve((request: Request, info: Deno.ServeHandlerInfo) => fallback.fetch!.call(fallback, request, info));
    return;
  }
  report('boot-error the function neither called Deno.serve() nor exported default { fetch }');
  Deno.exit(1);
}

// Keeps the schema cache fresh: LISTEN pgrst on a dedicated connection, reload on
// 'reload schema' / 'reload config' (or an empty payload), reconnect if the connection drops.
import pg from 'pg';

export interface ListenerOptions {
  connectionString: string;
  onReload: () => Promise<void>;
  log: (line: string) => void;
}

export interface Listener {
  close(): Promise<void>;
}

export async function listenForReloads(options: ListenerOptions): Promise<Listener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.connectionString });
    c.on('notification', (msg) => {
      const payload = (msg.payload ?? '').trim();
      if (payload === '' || payload === 'reload schema' || payload === 'reload config') {
        options.onReload().catch((e) => options.log(`[rest] schema cache reload failed: ${(e as Error).message}`));
      }
    });
    c.on('error', (e) => {
      options.log(`[rest] LISTEN connection lost: ${e.message}`);
      scheduleReconnect();
    });
    await c.connect();
    await c.query('LISTEN pgrst');
    client = c;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    client?.end().catch(() => {});
    client = undefined;
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
        await options.onReload();
      } catch {
        scheduleReconnect();
      }
    }, 1000);
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

// The write engineer's handlers (mutation/index.ts → handleMutation, rpc/index.ts → handleRpc),
// loaded when present so the read path works (and typechecks) before they land.
import type { RestHandler, RestRequest, TxClient, RestResponse } from './context.ts';

export type MutationHandler = (req: RestRequest, tx: TxClient, table: string) => Promise<RestResponse>;
export type RpcHandler = (req: RestRequest, tx: TxClient, fn: string) => Promise<RestResponse>;

export interface Plugins {
  handleMutation?: MutationHandler;
  handleRpc?: RpcHandler;
}

async function load<T>(file: string, name: string): Promise<T | undefined> {
  const url = new URL(file, import.meta.url).href;
  try {
    const mod = (await import(url)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? (mod[name] as T) : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(file.replace('./', ''))) return undefined;
    throw error;
  }
}

export async function loadPlugins(): Promise<Plugins> {
  return {
    handleMutation: await load<MutationHandler>('./mutation/index.ts', 'handleMutation'),
    handleRpc: await load<RpcHandler>('./rpc/index.ts', 'handleRpc'),
  };
}

export type { RestHandler };

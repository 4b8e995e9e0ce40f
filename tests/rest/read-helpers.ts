// Shared by the read-path specs: one GET (or HEAD) through the gateway, answered as status,
// the headers that matter, and the parsed body.
import { api } from '../helpers/env.ts';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const res = await api(`/rest/v1${path}`, { method, headers });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = text && (type.includes('json')) ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body, text };
}

export const JSON_TYPE = 'application/json; charset=utf-8';

// Shared by the write and RPC specs: one request through the gateway with a JSON body (a string is
// sent as is, to test malformed input), answered as status, headers, raw text and parsed JSON body.
import { api } from '../helpers/env.ts';

export interface WriteReply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<WriteReply> {
  const res = await api(`/rest/v1/${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text !== '' && (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, text, body: json ? JSON.parse(text) : undefined };
}

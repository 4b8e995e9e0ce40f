// A streamed response (Server-Sent Events) reaches the caller chunk by chunk as the function
// writes it, not buffered until the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS_URL, anonClient } from '../helpers/env.ts';

test('SSE chunks arrive one by one, as they are produced', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/stream?chunks=5&interval=300`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const arrivals: { at: number; text: string }[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    arrivals.push({ at: Date.now(), text: decoder.decode(next.value) });
  }
  const events = arrivals.map((a) => a.text).join('').split('\n\n').filter(Boolean);
  assert.equal(events.length, 5);
  assert.ok(arrivals.length >= 4, `expected separate chunks, got ${arrivals.length}`);
  // The first event was read well before the last one was written.
  const lastWritten = JSON.parse(events[4].slice('data: '.length)).at;
  assert.ok(lastWritten - arrivals[0].at >= 900, `first chunk read ${lastWritten - arrivals[0].at} ms before the last was written`);
});

test('supabase-js invoke hands back the open stream for text/event-stream', async () => {
  const { data, error } = await anonClient().functions.invoke('stream?chunks=3&interval=50', { method: 'GET' });
  assert.equal(error, null);
  assert.ok(data instanceof Response);
  const text = await data.text();
  assert.equal(text.split('\n\n').filter(Boolean).length, 3);
});

// How write errors cross the HTTP boundary: PostgREST's status for each SQLSTATE, its error body
// (exactly code, details, hint, message), and nothing half-written behind a refusal.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, signJwt, sql } from '../helpers/env.ts';
import { ApiError, statusForSqlState, toApiError } from '../../supabase/local/rest/errors.ts';

function pgError(code: string, message: string, extra: { detail?: string; hint?: string } = {}) {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('statusForSqlState follows PostgREST', () => {
  const cases: Array<[string, number, boolean?, string?]> = [
    ['08006', 503], ['09000', 500], ['0L000', 403], ['0P000', 403], ['23503', 409], ['23505', 409], ['23502', 400],
    ['23514', 400], ['22P02', 400], ['25006', 405], ['25001', 500], ['28000', 403], ['2D000', 500], ['38000', 500],
    ['39000', 500], ['3B000', 500], ['40001', 500], ['53400', 500], ['53100', 503], ['54001', 500], ['55000', 500],
    ['57P01', 503], ['57014', 500], ['58030', 500], ['F0000', 500], ['HV000', 500], ['P0001', 400], ['P0002', 500],
    ['XX000', 500], ['42883', 404], ['42P01', 404], ['42P17', 500], ['42703', 400], ['PT402', 402], ['PT418', 418], ['PT40A', 500],
    ['42501', 401, false], ['42501', 403, true],
    ['22023', 401, true, 'role "ghost" does not exist'], ['22023', 400, true, 'invalid value for parameter'],
    ['21000', 400, true, 'UPDATE requires a WHERE clause'], ['21000', 500, true, 'more than one row returned by a subquery'],
  ];
  for (const [code, status, authenticated = false, message = ''] of cases) {
    it(`${code}${message ? ` (${message})` : ''} → ${status}`, () => {
      assert.equal(statusForSqlState(code, authenticated, message), status);
    });
  }
});

describe('toApiError', () => {
  it('keeps message, detail and hint, with null for what is absent', () => {
    const error = toApiError(pgError('23505', 'duplicate key', { detail: 'Key (id)=(1) already exists.' }), true);
    assert.equal(error.status, 409);
    assert.deepEqual(JSON.parse(JSON.stringify(error)), { code: '23505', details: 'Key (id)=(1) already exists.', hint: null, message: 'duplicate key' });
  });

  it('asks an anonymous caller to authenticate on 42501', () => {
    const error = toApiError(pgError('42501', 'permission denied for table t'), false);
    assert.equal(error.status, 401);
    assert.deepEqual(error.headers, { 'www-authenticate': 'Bearer' });
    assert.deepEqual(toApiError(pgError('42501', 'permission denied for table t'), true).headers, {});
  });

  it("reads raise sqlstate 'PGRST' as the response it describes", () => {
    const error = toApiError(
      pgError('PGRST', '{"code":"123","message":"ABC","details":"DEF","hint":"XYZ"}', { detail: '{"status":332,"headers":{"X-Header":"Value"}}' }),
      false,
    );
    assert.equal(error.status, 332);
    assert.deepEqual(error.headers, { 'x-header': 'Value' });
    assert.deepEqual(JSON.parse(JSON.stringify(error)), { code: '123', details: 'DEF', hint: 'XYZ', message: 'ABC' });
  });

  it("explains a raise sqlstate 'PGRST' without DETAIL", () => {
    const error = toApiError(pgError('PGRST', '{"code":"123","message":"ABC"}'), false);
    assert.equal(error.status, 500);
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      code: 'PGRST121',
      details: 'DETAIL is missing in the RAISE statement',
      hint: "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.",
      message: `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`,
    });
  });

  it("explains an invalid DETAIL of raise sqlstate 'PGRST'", () => {
    const error = toApiError(pgError('PGRST', '{"code":"1","message":"A"}', { detail: '{"status":400}' }), false);
    assert.equal(error.status, 500);
    assert.equal(error.details, `Invalid JSON value for DETAIL: '{"status":400}'`);
  });

  it('answers a lost database connection with 503 PGRST001', () => {
    const error = toApiError(Object.assign(new Error('Connection terminated unexpectedly'), {}), false);
    assert.equal(error.status, 503);
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      code: 'PGRST001',
      details: 'Connection terminated unexpectedly',
      hint: null,
      message: 'Database client error. Retrying the connection.',
    });
  });

  it('passes an ApiError through unchanged', () => {
    const original = new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', 'The result contains 0 rows');
    assert.equal(toApiError(original, false), original);
  });
});

describe('error responses over HTTP', () => {
  beforeEach(async () => {
    await sql('truncate public.wr_items, public.wr_contacts, public.wr_announcements restart identity cascade');
  });

  it('have exactly code, details, hint and message, as JSON with a Proxy-Status header', async () => {
    await sql(`insert into public.wr_contacts values (1, 'ann@example.com', 'Ann', 0)`);
    const res = await api('/rest/v1/wr_contacts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, email: 'x@example.com' }),
    });
    assert.equal(res.status, 409);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('proxy-status'), 'PostgREST; error=23505');
    const text = await res.text();
    assert.equal(text, '{"code":"23505","details":null,"hint":null,"message":"duplicate key value violates unique constraint \\"wr_contacts_pkey\\""}');
    assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(text)));
  });

  it('roll back every row of a batch when one row fails', async () => {
    const res = await api('/rest/v1/wr_items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'A', price_cents: 1 }, { name: 'B', price_cents: 2 }, { name: 'C', price_cents: -3 }]),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), {
      code: '23514',
      details: null,
      hint: null,
      message: 'new row for relation "wr_items" violates check constraint "wr_items_price_cents_check"',
    });
    assert.deepEqual(await sql('select * from public.wr_items'), []);
  });

  it('answer a not-null violation with 400', async () => {
    const res = await api('/rest/v1/wr_contacts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 3 }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), {
      code: '23502',
      details: null,
      hint: null,
      message: 'null value in column "email" of relation "wr_contacts" violates not-null constraint',
    });
  });

  it('ask anon to authenticate but tell a signed-in user no, on a table they may not write', async () => {
    const anon = await api('/rest/v1/wr_announcements?id=eq.1', { method: 'DELETE' });
    assert.equal(anon.status, 401);
    assert.equal(anon.headers.get('www-authenticate'), 'Bearer');
    const token = await signJwt({ sub: '00000000-0000-0000-0000-00000000000a', role: 'authenticated' });
    const user = await api('/rest/v1/wr_announcements?id=eq.1', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    assert.equal(user.status, 403);
    assert.equal(user.headers.get('www-authenticate'), null);
    assert.deepEqual(await user.json(), { code: '42501', details: null, hint: null, message: 'permission denied for table wr_announcements' });
  });

  it('refuse unknown preferences with handling=strict', async () => {
    const res = await api('/rest/v1/wr_items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'handling=strict, return=minimal, foo=bar' },
      body: JSON.stringify({ name: 'A' }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), {
      code: 'PGRST122',
      details: 'Invalid preferences: foo=bar',
      hint: null,
      message: 'Invalid preferences given with handling=strict',
    });
    assert.deepEqual(await sql('select * from public.wr_items'), []);
  });

  it('ignore unknown preferences by default', async () => {
    const res = await api('/rest/v1/wr_items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'return=minimal, foo=bar' },
      body: JSON.stringify({ name: 'A' }),
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'return=minimal');
  });
});

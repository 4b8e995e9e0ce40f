// What the domains' invariant tests share: a REST client per persona and exact-refusal assertions.
import assert from 'node:assert/strict';
import { anonClient } from '../helpers/env.ts';
import type { SignedInPersona, World } from './world.ts';

export const as = (world: World, persona: SignedInPersona) => anonClient(world.tokens[persona]);

export interface Reply {
  status: number;
  error: { code: string; message: string; hint?: string | null } | null;
}

/** The request was refused with this status, SQLSTATE and message (and hint, when given). */
export function assertRefused(reply: Reply, status: number, code: string, message: string, hint?: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.error));
  assert.equal(reply.error?.code, code, JSON.stringify(reply.error));
  assert.equal(reply.error?.message, message);
  if (hint !== undefined) assert.equal(reply.error?.hint, hint);
}

/** A business rule refused the request (P0001, HTTP 400) with this message. */
export const assertRuleRefused = (reply: Reply, message: string, hint?: string) => assertRefused(reply, 400, 'P0001', message, hint);

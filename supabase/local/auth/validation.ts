// The request bodies Auth accepts, as zod schemas, and the one place they are checked.
// GoTrue decodes JSON into typed structs and ignores unknown fields; a value of the wrong type
// is a 400 bad_json. Semantic checks (password strength, e-mail format…) come after, in the
// routes, with GoTrue's own codes and messages.
import { z } from 'zod';
import { badRequest } from './errors.ts';

const metadata = z.record(z.string(), z.unknown());
// Go decodes JSON null into a string field as "" and leaves a bool at its default; so do these.
const text = z.string().nullish().transform((v) => v ?? '');
const flag = (fallback: boolean) => z.boolean().nullish().transform((v) => v ?? fallback);

export const signupBody = z.object({
  email: text,
  phone: text,
  password: text,
  data: metadata.nullish(),
  code_challenge: text,
  code_challenge_method: text,
});

export const passwordGrantBody = z.object({
  email: text,
  phone: text,
  password: text,
});

export const pkceGrantBody = z.object({ auth_code: text, code_verifier: text });

export const refreshGrantBody = z.object({ refresh_token: text });

export const otpBody = z.object({
  email: text,
  phone: text,
  data: metadata.nullish(),
  create_user: flag(true),
  code_challenge: text,
  code_challenge_method: text,
});

export const magicLinkBody = z.object({
  email: text,
  data: metadata.nullish(),
  code_challenge: text,
  code_challenge_method: text,
});

export const recoverBody = z.object({
  email: text,
  code_challenge: text,
  code_challenge_method: text,
});

export const resendBody = z.object({
  type: text,
  email: text,
  phone: text,
});

export const verifyBody = z.object({
  type: text,
  token: text,
  token_hash: text,
  email: text,
  phone: text,
  redirect_to: text,
});

export const userUpdateBody = z.object({
  email: text,
  password: z.string().nullish(),
  nonce: text,
  data: metadata.nullish(),
  app_metadata: metadata.nullish(),
  phone: text,
  code_challenge: text,
  code_challenge_method: text,
});

export const adminUserBody = z.object({
  id: z.string().optional(),
  aud: text,
  role: text,
  email: text,
  phone: text,
  password: z.string().nullish(),
  password_hash: text,
  email_confirm: flag(false),
  phone_confirm: flag(false),
  user_metadata: metadata.nullish(),
  app_metadata: metadata.nullish(),
  ban_duration: text,
});

export const inviteBody = z.object({ email: text, data: metadata.nullish() });

export const adminDeleteBody = z.object({ should_soft_delete: flag(false) });

export const generateLinkBody = z.object({
  type: text,
  email: text,
  new_email: text,
  password: text,
  data: metadata.nullish(),
  redirect_to: text,
});

/** Decodes a JSON body against a schema; GoTrue's 400 bad_json when it does not fit. */
export function parseBody<T extends z.ZodType>(schema: T, raw: Buffer): z.infer<T> {
  let json: unknown = {};
  const source = raw.toString('utf8').trim();
  if (source !== '') {
    try {
      json = JSON.parse(source);
    } catch (error) {
      throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: the body must be a JSON object');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || 'body';
    throw badRequest('bad_json', `Could not parse request body as JSON: ${field} ${describe(issue)}`);
  }
  return result.data;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  return issue.message;
}

function article(expected: string): string {
  if (expected === 'record' || expected === 'object') return 'a JSON object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** GoTrue's e-mail check (validateEmail): required, at most 255 characters, a plausible address. */
export function validateEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed === '') throw badRequest('validation_failed', 'An email address is required');
  if (trimmed.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return trimmed.toLowerCase();
}


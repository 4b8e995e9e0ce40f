// Reads supabase/config.toml (the Supabase CLI's format) into the settings the stand-in uses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { z } from 'zod';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUPABASE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** Supabase's local-development defaults (same as `supabase start`). */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const LOCAL_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

const durationSeconds = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === 'number' ? v : parseDuration(v)));

/** One `[functions.<name>]` section, with the Supabase CLI's keys (paths relative to the config file). */
export const functionConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    verify_jwt: z.boolean().default(true),
    entrypoint: z.string().optional(),
    import_map: z.string().optional(),
    static_files: z.array(z.string()).default([]),
  })
  .loose();
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

const schema = z.object({
  project_id: z.string().default('comptoir'),
  api: z
    .object({
      port: z.number().int().default(54321),
      schemas: z.array(z.string()).min(1).default(['public', 'graphql_public']),
      extra_search_path: z.array(z.string()).default(['public', 'extensions']),
      max_rows: z.number().int().positive().default(1000),
    })
    .prefault({}),
  db: z.object({ port: z.number().int().default(54322), major_version: z.number().int().default(17) }).prefault({}),
  studio: z.object({ port: z.number().int().default(54323) }).prefault({}),
  inbucket: z.object({ port: z.number().int().default(54324) }).prefault({}),
  auth: z
    .object({
      site_url: z.string().default('http://127.0.0.1:3000'),
      additional_redirect_urls: z.array(z.string()).default([]),
      jwt_expiry: z.number().int().positive().default(3600),
      enable_refresh_token_rotation: z.boolean().default(true),
      refresh_token_reuse_interval: z.number().int().nonnegative().default(10),
      enable_signup: z.boolean().default(true),
      enable_anonymous_sign_ins: z.boolean().default(false),
      minimum_password_length: z.number().int().default(6),
      rate_limit: z
        .object({
          email_sent: z.number().int().default(2),
          sign_in_sign_ups: z.number().int().default(30),
          token_verifications: z.number().int().default(30),
          token_refresh: z.number().int().default(150),
        })
        .prefault({}),
      email: z
        .object({
          enable_signup: z.boolean().default(true),
          double_confirm_changes: z.boolean().default(true),
          enable_confirmations: z.boolean().default(false),
          secure_password_change: z.boolean().default(false),
          max_frequency: durationSeconds.default(1),
          otp_length: z.number().int().min(6).max(10).default(6),
          otp_expiry: z.number().int().positive().default(3600),
        })
        .prefault({}),
    })
    .prefault({}),
  storage: z
    .object({
      enabled: z.boolean().default(true),
      /** Largest object accepted, CLI format ("50MiB"), in bytes once parsed. */
      file_size_limit: z
        .union([z.number(), z.string()])
        .default('50MiB')
        .transform((v) => (typeof v === 'number' ? v : parseSize(v))),
      image_transformation: z.object({ enabled: z.boolean().default(true) }).prefault({}),
      /** `[storage.buckets.<name>]`: buckets created (or brought up to date) at start, as the CLI seeds them. */
      buckets: z
        .record(
          z.string(),
          z
            .object({
              public: z.boolean().default(false),
              file_size_limit: z
                .union([z.number(), z.string()])
                .optional()
                .transform((v) => (v === undefined ? null : typeof v === 'number' ? v : parseSize(v))),
              allowed_mime_types: z.array(z.string()).optional(),
            })
            .loose(),
        )
        .default({}),
    })
    .prefault({}),
  functions: z.record(z.string(), functionConfigSchema).default({}),
});

export type SupabaseConfig = z.infer<typeof schema>;

/** "1s", "5m", "1h30m" → seconds. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new Error(`invalid duration "${text}" (expected e.g. "1s", "5m", "1h")`);
  }
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 } as const;
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

/** "50MiB", "5GB", "100KB", "10" → bytes. Like the Supabase CLI (go-units RAMInBytes), every unit is binary. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?$/i.exec(text.trim());
  if (!match) throw new Error(`invalid size "${text}" (expected e.g. "50MiB", "5GB", "100KB")`);
  const power = ['', 'k', 'm', 'g', 't'].indexOf(match[2].toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}

export function loadConfig(path = `${SUPABASE_DIR}config.toml`): SupabaseConfig {
  const raw = parse(readFileSync(path, 'utf8'));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${path}: ${issues}`);
  }
  return result.data;
}

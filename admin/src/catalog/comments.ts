// The comment convention: a table, view or column comment that is a JSON object describes how the
// admin shows it (types.ts CommentMeta). public.admin_catalog() only recognises the JSON (a comment
// that is a JSON object comes as `comment`, any other text as `description`); the keys and their
// types are checked here, once, for every screen. A wrong key or value is reported in `problems`
// and left out, so one typo in a migration never stops the admin from loading.
import type { Catalog, CommentMeta, Widget } from './types.ts';

export interface ParsedComment {
  meta: CommentMeta | null;
  /** The comment when it is plain text (or broken JSON, shown as written). */
  description: string | null;
  problems: string[];
}

export const WIDGETS: readonly Widget[] = [
  'text', 'textarea', 'number', 'money', 'boolean', 'enum', 'date', 'datetime', 'time',
  'json', 'array', 'image', 'uuid', 'email', 'url', 'color', 'readonly',
];

type Check = (value: unknown) => string | null;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString: Check = (value) => (typeof value === 'string' && value.trim() !== '' ? null : 'a non-empty string');

/** { fr?: string; en?: string } with at least one of them. */
const perLocale: Check = (value) => {
  if (!isPlainObject(value)) return 'an object like {"fr": "…", "en": "…"}';
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.some((k) => (k !== 'fr' && k !== 'en') || typeof value[k] !== 'string')) {
    return 'an object like {"fr": "…", "en": "…"}';
  }
  return null;
};

const CHECKS: Record<keyof CommentMeta, Check> = {
  label: perLocale,
  help: perLocale,
  hidden: (value) => (typeof value === 'boolean' ? null : 'true or false'),
  order: (value) => (typeof value === 'number' && Number.isFinite(value) ? null : 'a number'),
  widget: (value) => (WIDGETS.includes(value as Widget) ? null : `one of ${WIDGETS.join(', ')}`),
  title: nonEmptyString,
  group: nonEmptyString,
  currency: nonEmptyString,
  bucket: nonEmptyString,
  list: (value) =>
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item !== '')
      ? null
      : 'a non-empty list of column names',
};

/** Keeps the keys of a parsed comment that follow the convention; reports the others. */
export function validateCommentMeta(value: unknown): { meta: CommentMeta | null; problems: string[] } {
  if (value === null || value === undefined) return { meta: null, problems: [] };
  if (!isPlainObject(value)) return { meta: null, problems: ['the comment is JSON but not an object'] };
  const meta: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const check = CHECKS[key as keyof CommentMeta];
    if (!check) {
      problems.push(`unknown key "${key}" (known: ${Object.keys(CHECKS).join(', ')})`);
      continue;
    }
    const expected = check(item);
    if (expected) problems.push(`"${key}" should be ${expected}, not ${JSON.stringify(item)}`);
    else meta[key] = item;
  }
  return { meta: meta as CommentMeta, problems };
}

/** A comment's raw text: JSON object → meta; other text → description; broken JSON → description and a problem. */
export function parseComment(text: string | null | undefined): ParsedComment {
  if (text === null || text === undefined || text.trim() === '') return { meta: null, description: null, problems: [] };
  if (!text.trim().startsWith('{')) return { meta: null, description: text, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { meta: null, description: text, problems: [`the comment starts with "{" but is not valid JSON: ${(error as Error).message}`] };
  }
  const { meta, problems } = validateCommentMeta(parsed);
  return { meta, description: null, problems };
}

/** Every problem in the comments of a catalog, as "table: …" or "table.column: …" (for tests and the console). */
export function commentProblems(catalog: Catalog): string[] {
  const out: string[] = [];
  const report = (where: string, comment: unknown, description: string | null) => {
    for (const problem of validateCommentMeta(comment).problems) out.push(`${where}: ${problem}`);
    // The catalog returns JSON that does not parse as plain text: say so rather than show it.
    if (description?.trim().startsWith('{')) out.push(...parseComment(description).problems.map((p) => `${where}: ${p}`));
  };
  for (const resource of catalog.resources) {
    report(resource.name, resource.comment, resource.description);
    const names = new Set(resource.columns.map((c) => c.name));
    const meta = validateCommentMeta(resource.comment).meta;
    if (meta?.title && !names.has(meta.title)) out.push(`${resource.name}: "title" names no column: ${meta.title}`);
    for (const name of meta?.list ?? []) if (!names.has(name)) out.push(`${resource.name}: "list" names no column: ${name}`);
    for (const column of resource.columns) report(`${resource.name}.${column.name}`, column.comment, column.description);
  }
  return out;
}

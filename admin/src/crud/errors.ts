// Which form field a database refusal concerns. PostgREST hands back Postgres's error as
// { code, message, details, hint }; most of them name the column somewhere (the message, the
// details' "Key (x)=(…)", the constraint name), so the form can show the reason next to the input
// the person has to change rather than in a banner. Pure: the screens translate the result.

export interface DbError {
  code?: string | null;
  message?: string | null;
  details?: string | null;
  hint?: string | null;
}

/** What went wrong, as an i18n key under `crud.errors.` plus its parameters. */
export type ErrorReason =
  | { kind: 'required' }
  | { kind: 'unique'; value: string }
  | { kind: 'reference'; value: string }
  | { kind: 'stillReferenced'; table: string }
  | { kind: 'check'; constraint: string }
  | { kind: 'invalid'; detail: string }
  | { kind: 'tooLong' }
  | { kind: 'forbiddenColumns'; columns: string[]; allowed: string | null }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'rule'; detail: string }
  | { kind: 'other'; detail: string };

export interface MappedError {
  /** The form fields the refusal concerns (empty: show it for the whole form). */
  fields: string[];
  reason: ErrorReason;
}

export interface MapContext {
  /** The resource (table) the form writes to, to strip it from constraint names. */
  table: string;
  /** The names of the fields the form shows: only those can carry an error. */
  fields: string[];
  /** What was sent, to find the field holding a value Postgres quotes (invalid input). */
  values?: Record<string, unknown>;
}

const NOT_NULL = /null value in column "([^"]+)"/;
const KEY_DETAIL = /Key \(([^)]+)\)=\((.*)\) (?:already exists|is not present|is still referenced)/;
const STILL_REFERENCED_FROM = /is still referenced from table "([^"]+)"/;
const STILL_REFERENCED_ON = /^update or delete on table "[^"]+" violates foreign key constraint "[^"]+" on table "([^"]+)"/;
const CONSTRAINT = /constraint "([^"]+)"/;
const QUOTED_VALUE = /:\s*"(.*)"\s*$|value "(.*)" is out of range/;
const LIMITED_COLUMNS = /^an? (\S+) may not change (.+) of (\S+)$/;

export function mapDbError(error: DbError, context: MapContext): MappedError {
  const code = error.code ?? '';
  const message = error.message ?? '';
  const details = error.details ?? '';
  const known = new Set(context.fields);
  const only = (names: string[]) => names.filter((name) => known.has(name));

  switch (code) {
    case '23502': {
      const column = NOT_NULL.exec(message)?.[1];
      return { fields: only(column ? [column] : []), reason: { kind: 'required' } };
    }
    case '23505': {
      const key = KEY_DETAIL.exec(details);
      return { fields: key ? only(splitColumns(key[1])) : columnOfConstraint(constraintOf(message), context), reason: { kind: 'unique', value: key?.[2] ?? '' } };
    }
    case '23503': {
      const from = STILL_REFERENCED_FROM.exec(details) ?? STILL_REFERENCED_ON.exec(message);
      if (from) return { fields: [], reason: { kind: 'stillReferenced', table: from[1] } };
      const key = KEY_DETAIL.exec(details);
      return { fields: key ? only(splitColumns(key[1])) : columnOfConstraint(constraintOf(message), context), reason: { kind: 'reference', value: key?.[2] ?? '' } };
    }
    case '23514': {
      const constraint = constraintOf(message);
      return { fields: columnOfConstraint(constraint, context), reason: { kind: 'check', constraint } };
    }
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22023': {
      const match = QUOTED_VALUE.exec(message);
      const value = match?.[1] ?? match?.[2];
      return { fields: value === undefined ? [] : fieldsHolding(value, context), reason: { kind: 'invalid', detail: message } };
    }
    case '22001':
      return { fields: [], reason: { kind: 'tooLong' } };
    case '42501': {
      const limited = LIMITED_COLUMNS.exec(message);
      if (limited) {
        const columns = limited[2].split(',').map((s) => s.trim()).filter(Boolean);
        return { fields: only(columns), reason: { kind: 'forbiddenColumns', columns, allowed: error.hint ?? null } };
      }
      return { fields: [], reason: { kind: 'forbidden', detail: message } };
    }
    case 'P0001':
      return { fields: only(columnsNamedIn(message, context.fields)), reason: { kind: 'rule', detail: message } };
    default:
      return { fields: [], reason: { kind: 'other', detail: message || code } };
  }
}

/** "shop_id, sku" → ["shop_id", "sku"]; expression keys like "lower(email)" → ["email"]. */
function splitColumns(list: string): string[] {
  return list.split(',').map((part) => part.trim().replace(/^\w+\((.*)\)$/, '$1').replace(/^"|"$/g, ''));
}

function constraintOf(message: string): string {
  return CONSTRAINT.exec(message)?.[1] ?? '';
}

/**
 * Postgres names inline constraints "<table>_<column>_check|key|fkey"; named ones often still
 * hold the column ("orders_total_cents_positive"). Needed because Postgres leaves out the
 * "Key (x)=(…)" details on tables with row-level security (they could leak other rows' values),
 * which is every Comptoir table. The longest field name found in the name wins, so that
 * "price_cents" beats "price".
 */
function columnOfConstraint(constraint: string, context: MapContext): string[] {
  if (!constraint) return [];
  const rest = constraint.startsWith(`${context.table}_`) ? constraint.slice(context.table.length + 1) : constraint;
  const exact = rest.replace(/_(check|key|fkey|idx|unique)$/, '');
  if (context.fields.includes(exact)) return [exact];
  const within = context.fields
    .filter((name) => new RegExp(`(^|_)${escape(name)}(_|$)`).test(rest))
    .sort((a, b) => b.length - a.length);
  return within.length ? [within[0]] : [];
}

/** A business rule names a column in quotes or as a whole word: "status cannot go back". */
function columnsNamedIn(message: string, fields: string[]): string[] {
  const quoted = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((name) => fields.includes(name));
  if (quoted.length) return quoted;
  const words = fields
    .filter((name) => new RegExp(`(^|[^\\w])${escape(name)}([^\\w]|$)`).test(message))
    .sort((a, b) => b.length - a.length);
  return words.length ? [words[0]] : [];
}

function fieldsHolding(value: string, context: MapContext): string[] {
  const values = context.values ?? {};
  return context.fields.filter((name) => {
    const sent = values[name];
    if (sent === null || sent === undefined) return false;
    if (Array.isArray(sent)) return sent.map(String).includes(value);
    return String(sent) === value;
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

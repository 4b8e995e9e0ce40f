// Which function a call means, as PostgREST chooses among overloads: the one whose parameters
// take exactly the given argument names (all required ones given), else a single unnamed
// json/jsonb parameter for a POST body. Nothing → 404 PGRST202; several → 300 PGRST203.
import { ApiError } from '../errors.ts';
import type { Routine, RoutineParam, SchemaCache } from '../schema/types.ts';
import { qualifiedKey } from '../schema/types.ts';
import { bestMatch } from '../schema/fuzzy.ts';

export interface CallShape {
  schema: string;
  name: string;
  /** Argument names, sorted. */
  keys: string[];
  /** A POST with a JSON body (a single unnamed json/jsonb parameter may take it). */
  post: boolean;
  /** Prefer: params=single-object. */
  singleObject: boolean;
  /** A text/plain POST body: only a function with a single unnamed text parameter takes it. */
  plainText?: boolean;
}

export type Resolution = { routine: Routine; mode: 'named' | 'whole-body' };

const isJson = (p: RoutineParam | undefined) => p !== undefined && (p.typeName === 'json' || p.typeName === 'jsonb');

function takesNames(routine: Routine, keys: string[]): boolean {
  const names = new Set(routine.params.map((p) => p.name));
  if (routine.params.length === 0) return keys.length === 0;
  return keys.every((k) => names.has(k)) && routine.params.every((p) => !p.required || keys.includes(p.name));
}

const takesWholeBody = (routine: Routine) => routine.params.length === 1 && routine.params[0].name === '' && isJson(routine.params[0]);

export function resolveRoutine(cache: SchemaCache, call: CallShape): Resolution {
  const overloads = cache.routines.get(qualifiedKey(call.schema, call.name)) ?? [];
  if (call.plainText) {
    const matches = overloads.filter((r) => r.params.length === 1 && r.params[0].name === '' && r.params[0].typeName === 'text');
    if (matches.length === 1) return { routine: matches[0], mode: 'whole-body' };
    if (matches.length > 1) throw ambiguous(matches);
    const fn = `${call.schema}.${call.name}`;
    throw new ApiError(404, 'PGRST202', `Could not find the function ${fn} in the schema cache`,
      `Searched for the function ${fn} with a single unnamed text parameter, but no matches were found in the schema cache.`);
  }
  if (call.singleObject) {
    const matches = overloads.filter((r) => r.params.length === 1 && isJson(r.params[0]));
    if (matches.length === 1) return { routine: matches[0], mode: 'whole-body' };
    if (matches.length > 1) throw ambiguous(matches);
    throw noSingleObjectRoutine(call);
  }
  const named = overloads.filter((r) => takesNames(r, call.keys));
  const unnamed = call.post ? overloads.filter(takesWholeBody) : [];
  if (named.length === 1 && unnamed.length === 0) return { routine: named[0], mode: 'named' };
  if (named.length === 0 && unnamed.length === 1) return { routine: unnamed[0], mode: 'whole-body' };
  if (named.length + unnamed.length > 1) throw ambiguous([...named, ...unnamed]);
  throw noRoutine(cache, call, overloads);
}

function ambiguous(routines: Routine[]): ApiError {
  const list = routines
    .map((r) => `${r.schema}.${r.name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`)
    .join(', ');
  return new ApiError(
    300,
    'PGRST203',
    `Could not choose the best candidate function between: ${list}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  );
}

function noSingleObjectRoutine(call: CallShape): ApiError {
  const fn = `${call.schema}.${call.name}`;
  return new ApiError(
    404,
    'PGRST202',
    `Could not find the function ${fn} in the schema cache`,
    `Searched for the function ${fn} with a single json/jsonb parameter, but no matches were found in the schema cache.`,
  );
}

const paramList = (names: string[]) => `(${[...names].sort().join(', ')})`;

function noRoutine(cache: SchemaCache, call: CallShape, overloads: Routine[]): ApiError {
  const fn = `${call.schema}.${call.name}`;
  const withParams = call.keys.length === 0 ? ' without parameters' : ` with parameter${call.keys.length > 1 ? 's' : ''} ${call.keys.join(', ')}`;
  const message = `Could not find the function ${fn}${call.keys.length === 0 ? ' without parameters' : `(${call.keys.join(', ')})`} in the schema cache`;
  const details = `Searched for the function ${fn}${withParams}${call.post ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`;
  let hint: string | null = null;
  if (overloads.length === 0) {
    const names = [...cache.routines.values()].flat().filter((r) => r.schema === call.schema).map((r) => r.name);
    const match = bestMatch(call.name, [...new Set(names)], 0.75);
    if (match) hint = `Perhaps you meant to call the function ${call.schema}.${match}`;
  } else {
    const candidates = overloads.map((r) => paramList(r.params.map((p) => p.name)));
    const match = bestMatch(paramList(call.keys), candidates, 0.33);
    if (match) hint = `Perhaps you meant to call the function ${fn}${match}`;
  }
  return new ApiError(404, 'PGRST202', message, details, hint);
}

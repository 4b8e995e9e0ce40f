// Finding things in the schema cache, with PostgREST's errors when they are not there.
import { ApiError } from '../errors.ts';
import type { Relation, SchemaCache } from './types.ts';
import { qualifiedKey } from './types.ts';
import { bestMatch } from './fuzzy.ts';

/** The table or view `schema.name`, or 404 PGRST205 with a "Perhaps you meant" hint. */
export function findRelation(cache: SchemaCache, schema: string, name: string): Relation {
  const rel = cache.relations.get(qualifiedKey(schema, name));
  if (rel) return rel;
  const candidates = [...cache.relations.values()].filter((r) => r.schema === schema).map((r) => r.name);
  const suggestion = bestMatch(name, candidates, 0.75);
  throw new ApiError(
    404,
    'PGRST205',
    `Could not find the table '${schema}.${name}' in the schema cache`,
    null,
    suggestion ? `Perhaps you meant the table '${schema}.${suggestion}'` : null,
  );
}

export function relationsInSchema(cache: SchemaCache, schema: string): Relation[] {
  return [...cache.relations.values()].filter((r) => r.schema === schema);
}

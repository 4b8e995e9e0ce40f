// Computed relationships, as PostgREST derives them: a function taking one table row and returning
// rows of a table or view can be embedded like a foreign key (`select=*,fn(*)`). It is to-one when
// it returns a single row or is declared `ROWS 1`, to-many otherwise.
import type { Relationship, Routine } from './types.ts';

export function computedRelationships(routines: Routine[]): Relationship[] {
  const out: Relationship[] = [];
  for (const routine of routines) {
    const [param, ...rest] = routine.params;
    if (!param?.rowTypeOf || rest.length > 0 || param.variadic || !routine.returnsRelation) continue;
    // Only a function next to its table (in the schema the API reads) extends that table.
    if (routine.schema !== param.rowTypeOf.schema) continue;
    const toOne = !routine.returnsSet || routine.rows === 1;
    out.push({
      table: param.rowTypeOf,
      foreignTable: routine.returnsRelation,
      cardinality: toOne ? 'many-to-one' : 'one-to-many',
      constraint: routine.name,
      columns: [],
      isSelf: false,
      fkOwner: false,
      computed: { schema: routine.schema, name: routine.name },
    });
  }
  return out;
}

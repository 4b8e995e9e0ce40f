// Which base-table column each view column comes from, read from the view's query tree
// (resorigtbl/resorigcol of its target list), followed through views of views.

export interface ColumnOrigin {
  relid: number;
  column: string;
}

const TARGET_ENTRY = /:resno (\d+) :resname (\S+) :ressortgroupref \d+ :resorigtbl (\d+) :resorigcol (\d+) :resjunk (true|false)/g;

/** view column name → origin (relid, attnum), from the top-level target list of `_RETURN`. */
export function parseTargetList(action: string): Map<string, { relid: number; attnum: number }> {
  const entries = [...action.matchAll(TARGET_ENTRY)].filter((m) => m[5] === 'false');
  const out = new Map<string, { relid: number; attnum: number }>();
  if (entries.length === 0) return out;
  // The top-level target list is the last run of entries; walk back from the end.
  let expected = Number(entries[entries.length - 1][1]);
  for (let i = entries.length - 1; i >= 0 && expected >= 1; i--) {
    const m = entries[i];
    if (Number(m[1]) !== expected) continue;
    expected--;
    const relid = Number(m[3]);
    const name = m[2].replace(/\\(.)/g, '$1');
    if (relid !== 0 && !out.has(name)) out.set(name, { relid, attnum: Number(m[4]) });
  }
  return out;
}

/**
 * For every view, maps its columns to base table (non-view) columns.
 * `attnames` gives each relation's column names by attnum; `isView` tells views from tables.
 */
export function resolveViewOrigins(
  targetLists: Map<number, Map<string, { relid: number; attnum: number }>>,
  attnames: Map<number, Map<number, string>>,
  isView: (relid: number) => boolean,
): Map<number, Map<string, ColumnOrigin>> {
  const result = new Map<number, Map<string, ColumnOrigin>>();
  const resolve = (relid: number, column: string, depth: number): ColumnOrigin | undefined => {
    if (!isView(relid)) return { relid, column };
    if (depth > 20) return undefined;
    const origin = targetLists.get(relid)?.get(column);
    if (!origin) return undefined;
    const name = attnames.get(origin.relid)?.get(origin.attnum);
    if (!name) return undefined;
    return resolve(origin.relid, name, depth + 1);
  };
  for (const [viewId, list] of targetLists) {
    const map = new Map<string, ColumnOrigin>();
    for (const column of list.keys()) {
      const origin = resolve(viewId, column, 0);
      if (origin) map.set(column, origin);
    }
    result.set(viewId, map);
  }
  return result;
}

// Which message names a stored value (a status, a kind, a channel…), kept apart from index.ts so that
// the rule is tested without a browser (tests/admin/value-labels.test.ts). Messages: messages/values.ts.

/** The keys tried for `value` of `column`, most specific first: the table's own word, then the shared one. */
export function valueKeys(column: string, value: string, table?: string): string[] {
  const keys = [`values.${column}.${value}`];
  return table ? [`tableValues.${table}.${column}.${value}`, ...keys] : keys;
}

/** The first of valueKeys() the dictionary has, else the value as stored (never a message key). */
export function labelOf(dictionary: Readonly<Record<string, string>>, column: string, value: string, table?: string): string {
  for (const key of valueKeys(column, value, table)) {
    const text = dictionary[key];
    if (text !== undefined) return text;
  }
  return value;
}

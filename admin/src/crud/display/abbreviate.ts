// Short text for a JSON value in a table cell: the start of its compact form, cut at a character
// budget, so a 5 KB attributes object does not blow up a row.
export function abbreviateJson(value: unknown, budget = 60): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length <= budget ? text : `${text.slice(0, budget - 1)}…`;
}

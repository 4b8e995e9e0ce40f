// Columns with JSON paths (`data->a->>0`), shared by select, filters and order.
import type { Field, JsonOperation } from './types.ts';
import { Cursor, readFieldName, readQuoted } from './cursor.ts';

function atJsonEnd(c: Cursor): boolean {
  return c.done || c.startsWith('->') || c.startsWith('::') || c.startsWith('.') || c.startsWith(',');
}

function readJsonOperand(c: Cursor): { key: string; index: boolean } {
  const start = c.pos;
  // An index: optional '-', digits, then the end of the operand.
  let i = c.pos;
  if (c.text[i] === '-') i++;
  let digits = 0;
  while (/[0-9]/.test(c.text[i] ?? '')) {
    i++;
    digits++;
  }
  if (digits > 0) {
    const save = c.pos;
    c.pos = i;
    if (atJsonEnd(c)) return { key: c.text.slice(start, i), index: true };
    c.pos = save;
  }
  if (c.peek() === '"') return { key: readQuoted(c), index: false };
  let key = '';
  for (;;) {
    let word = '';
    while (c.peek() !== '' && !'(-:.,>)'.includes(c.peek())) word += c.text[c.pos++];
    if (word === '') {
      if (key === '') c.fail(['any non reserved character different from: .,>()']);
      c.fail(['any non reserved character different from: .,>()']);
    }
    key += word.trim();
    if (c.peek() === '-' && c.peek(1) !== '>') {
      c.pos++;
      key += '-';
      continue;
    }
    return { key, index: false };
  }
}

export function readJsonPath(c: Cursor): JsonOperation[] {
  const ops: JsonOperation[] = [];
  for (;;) {
    let arrow: '->' | '->>';
    if (c.eat('->>')) arrow = '->>';
    else if (c.eat('->')) arrow = '->';
    else return ops;
    const { key, index } = readJsonOperand(c);
    ops.push({ arrow, key, index });
  }
}

/** A field name with its JSON path, surrounding spaces ignored. */
export function readField(c: Cursor, expecting: string[] = []): Field {
  c.skipSpaces();
  const name = readFieldName(c, expecting);
  const json = readJsonPath(c);
  c.skipSpaces();
  return { name, json };
}

// `order=name.desc.nullslast,data->a,clients(name).asc`.
import type { OrderTerm } from './types.ts';
import { Cursor, mismatchAt, readFieldName } from './cursor.ts';
import { readField } from './field-parser.ts';

export function parseOrder(text: string): OrderTerm[] {
  const c = new Cursor(text, `failed to parse order (${text})`);
  const terms = [readTerm(c)];
  while (c.eat(',')) terms.push(readTerm(c));
  if (!c.done) c.fail(['","', 'end of input']);
  return terms;
}

function readTerm(c: Cursor): OrderTerm {
  c.skipSpaces();
  const save = c.pos;
  let term: OrderTerm;
  const name = readFieldName(c);
  if (c.peek() === '(') {
    c.pos++;
    const field = readField(c);
    c.expect(')', '")"');
    term = { relation: name, field };
  } else {
    c.pos = save;
    term = { field: readField(c) };
  }
  if (c.peek() === '.') {
    const at = c.pos;
    c.pos++;
    if (c.eat('asc')) term.direction = 'asc';
    else if (c.eat('desc')) term.direction = 'desc';
    else if (c.eat('nullsfirst')) term.nulls = 'nullsfirst';
    else if (c.eat('nullslast')) term.nulls = 'nullslast';
    else c.fail(['"asc"', '"desc"', '"nullsfirst"', '"nullslast"'], at + 1, mismatchAt(c.text, at + 1, 'asc'));
    if (term.direction && c.peek() === '.') {
      const at2 = c.pos;
      c.pos++;
      if (c.eat('nullsfirst')) term.nulls = 'nullsfirst';
      else if (c.eat('nullslast')) term.nulls = 'nullslast';
      else c.fail(['"nullsfirst"', '"nullslast"'], at2 + 1, mismatchAt(c.text, at2 + 1, 'nullsfirst'));
    }
  }
  c.skipSpaces();
  if (!c.done && c.peek() !== ',') c.fail(term.nulls ? ['","', 'end of input'] : ['delimiter (.)', '","', 'end of input']);
  return term;
}

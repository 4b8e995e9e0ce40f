// A character cursor for the query-string parsers, with errors shaped like PostgREST's (Parsec):
// message `"failed to parse filter (x)" (line 1, column N)`, details `unexpected "y" expecting …`.
import { ApiError } from '../errors.ts';

export class QueryParseError extends Error {
  constructor(
    readonly source: string,
    readonly column: number,
    readonly details: string,
  ) {
    super(`"${source}" (line 1, column ${column})`);
  }

  toApiError(): ApiError {
    return new ApiError(400, 'PGRST100', this.message, this.details, null);
  }
}

export function formatExpecting(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length === 0) return '';
  if (unique.length === 1) return `expecting ${unique[0]}`;
  return `expecting ${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

export class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly source: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Consumes `s` if it is next. */
  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  /** Fails at `at`; `unexpectedAt` is where the offending character is (Parsec reports the
   * mismatching character of a keyword at the keyword's start). Failures that could have been
   * the end of the input show the character in single quotes, as Parsec's eof does. */
  fail(expecting: string[], at = this.pos, unexpectedAt = at): never {
    const ch = this.text[unexpectedAt];
    const found = ch === undefined ? 'end of input' : expecting.includes('end of input') ? `'${ch}'` : JSON.stringify(ch);
    const details = `unexpected ${found} ${formatExpecting(expecting)}`.trim();
    throw new QueryParseError(this.source, at + 1, details);
  }

  expect(s: string, label = JSON.stringify(s)): void {
    if (!this.eat(s)) this.fail([label]);
  }
}

const IDENT_CHAR = /[\p{L}\p{N}_ $]/u;

export function isIdentChar(c: string): boolean {
  return c !== '' && IDENT_CHAR.test(c);
}

/** `"quoted \" value"` → its content, with backslash escapes resolved. Cursor at the opening quote. */
export function readQuoted(c: Cursor): string {
  c.expect('"');
  let out = '';
  for (;;) {
    const ch = c.peek();
    if (ch === '') c.fail(['"\\""']);
    c.pos++;
    if (ch === '"') return out;
    if (ch === '\\') {
      const next = c.peek();
      if (next === '') c.fail(['any character']);
      out += next;
      c.pos++;
    } else out += ch;
  }
}

/** A field name: quoted, or identifier chars separated by single dashes (not `->`). Trimmed. */
export function readFieldName(c: Cursor, expecting: string[] = []): string {
  c.skipSpaces();
  if (c.peek() === '"') return readQuoted(c);
  const start = c.pos;
  let out = '';
  for (;;) {
    let word = '';
    while (isIdentChar(c.peek())) word += c.text[c.pos++];
    if (word === '') {
      if (out === '') c.fail([...expecting, 'field name (* or [a..z0..9_$])'], start);
      c.fail(['letter', 'digit']);
    }
    out += word.trim();
    if (c.peek() === '-' && c.peek(1) !== '>') {
      c.pos++;
      out += '-';
      continue;
    }
    return out;
  }
}

/** Where `text` (from `from`) first differs from `word`: the index of the offending character. */
export function mismatchAt(text: string, from: number, word: string): number {
  let i = 0;
  while (i < word.length && text[from + i] === word[i]) i++;
  return from + i;
}

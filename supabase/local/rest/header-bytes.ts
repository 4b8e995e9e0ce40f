// Header values as PostgREST sends them: the UTF-8 bytes of the text (a table name in
// Content-Location, a value set through response.headers). Node writes a header value one char per
// byte (latin1) and refuses chars above U+00FF, so a non-ASCII value is handed over as its UTF-8
// bytes, and bodies go out as Buffers so that the header block is always written as latin1.

const NON_ASCII = /[^\x00-\x7f]/;

export function headerBytes(value: string): string {
  return NON_ASCII.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
}

export function wireHeaders<T extends string | string[] | number>(headers: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = (typeof value === 'string' ? headerBytes(value) : Array.isArray(value) ? value.map(headerBytes) : value) as T;
  }
  return out;
}

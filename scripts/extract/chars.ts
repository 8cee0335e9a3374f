// Character classes for the scans that run per character (clause and sentence ends, list
// separators): a table indexed by UTF-16 code, so a scan reads codes and never makes a
// one-character string (which, for Chinese text, V8 allocates anew each time).

/** A table with 1 at the code of every character of `chars` (BMP characters only). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

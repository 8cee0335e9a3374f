// Stage 1: raw bytes → decoded text. Detects the encoding (never assumes it) and rejects what
// cannot be a report, with a reason a person can act on.
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";

// iconv-lite and chardet are loaded on first use: most reports are UTF-8 and never need them,
// and loading both cost every worker (and a rebuild's main thread) 20–40 ms.
let legacy: { iconv: typeof import("iconv-lite"); chardet: typeof import("chardet") } | null = null;
function codecs(): NonNullable<typeof legacy> {
  if (!legacy) {
    const require = createRequire(import.meta.url);
    legacy = { iconv: require("iconv-lite") as typeof import("iconv-lite"), chardet: require("chardet") as typeof import("chardet") };
  }
  return legacy;
}

export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; reason: string };

interface TextStats {
  /** Chinese characters (CJK unified ideographs, extension A, compatibility). */
  han: number;
  /** Control characters other than tab, newline, CR and form feed. */
  control: number;
  /** U+FFFD replacement characters. */
  bad: number;
  nul: boolean;
}

/** The counts the checks below need, in one pass without allocating; the last text's are kept (decode, then textProblem). */
let lastStats: { text: string; stats: TextStats } | null = null;

function statsOf(text: string): TextStats {
  if (lastStats?.text === text) return lastStats.stats;
  const b = Buffer.from(text, "utf16le");
  const stats = unitStats(new Uint16Array(b.buffer, b.byteOffset, text.length), text.length);
  lastStats = { text, stats };
  return stats;
}

/** The counts over the first n code units (read from an array: faster than charCodeAt). */
function unitStats(units: Uint16Array, n: number): TextStats {
  let han = 0;
  let control = 0;
  let bad = 0;
  let nul = false;
  for (let i = 0; i < n; i++) {
    const c = units[i]!;
    if (c >= 0x3400) {
      if (c <= 0x9fff || (c >= 0xf900 && c <= 0xfaff)) han++;
      else if (c === 0xfffd) bad++;
    } else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) {
      control++;
      if (c === 0) nul = true;
    }
  }
  return { han, control, bad, nul };
}

/** Share of characters that are control characters other than tab/newline/CR/form feed. */
function controlShare(text: string): number {
  return text.length ? statsOf(text).control / text.length : 0;
}

/** UTF-16 without a BOM shows up as NUL in every other byte for mostly-ASCII text, or as a
 * very regular high-byte pattern for CJK; we only trust the NUL pattern. */
function sniffBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return "utf-16be";
  return null;
}

let units = new Uint16Array(0);

/**
 * Valid UTF-8 (as `isUtf8` says: no overlong forms, surrogates or code points past U+10FFFF) to
 * text, the same text as a fatal TextDecoder gives without a BOM. V8's own UTF-8 decoding takes
 * ~85 µs for an 18 KB report of mostly three-byte characters; this loop and one UTF-16 copy ~30.
 */
function decodeValidUtf8(bytes: Uint8Array): string {
  // (A scratch array kept for report-sized files; a huge one gets its own.)
  if (units.length < bytes.length && bytes.length <= 1 << 22) units = new Uint16Array(Math.max(bytes.length, units.length * 2));
  const out = units.length >= bytes.length ? units : new Uint16Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[n++] = b;
      i++;
    } else if (b < 0xe0) {
      out[n++] = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      out[n++] = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      const cp = (((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
      out[n++] = 0xd800 + (cp >> 10);
      out[n++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    }
  }
  const text = Buffer.from(out.buffer, out.byteOffset, n * 2).toString("utf16le");
  // The checks' counts, from the code units while they are at hand (statsOf would read the text again).
  lastStats = { text, stats: unitStats(out, n) };
  return text;
}

const LEGACY_CANDIDATES = ["gb18030", "big5"];

function decodeLegacy(bytes: Uint8Array): { text: string; encoding: string } {
  // chardet ranks encodings by byte statistics; we keep only the CJK ones we decode and take the
  // first, in its order, that decodes without replacement characters.
  const { iconv, chardet } = codecs();
  const ranked = chardet
    .analyse(bytes)
    .map((m) => m.name.toLowerCase())
    .filter((name) => LEGACY_CANDIDATES.includes(name));
  const order = [...new Set([...ranked, ...LEGACY_CANDIDATES])];
  let best: { text: string; encoding: string; bad: number } | null = null;
  for (const encoding of order) {
    const text = iconv.decode(Buffer.from(bytes), encoding);
    const { bad } = statsOf(text);
    if (!best || bad < best.bad) best = { text, encoding, bad };
    if (bad === 0) break;
  }
  return best!;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file (0 bytes)" };
  const warnings: string[] = [];
  let text: string;
  let encoding: string;

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
    encoding = "utf-8-bom";
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = codecs().iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le");
    encoding = "utf-16le";
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = codecs().iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be");
    encoding = "utf-16be";
  } else {
    const utf16 = sniffBomlessUtf16(bytes);
    if (utf16) {
      text = codecs().iconv.decode(Buffer.from(bytes), utf16);
      encoding = utf16;
      warnings.push(`no byte-order mark; decoded as ${utf16}`);
    } else if (isUtf8(bytes)) {
      text = decodeValidUtf8(bytes);
      encoding = "utf-8";
    } else {
      const lenient = new TextDecoder("utf-8").decode(bytes);
      const { bad, han } = statsOf(lenient);
      // A few broken sequences in otherwise valid UTF-8 (a truncated file, one bad byte) are
      // damage, not another encoding.
      if (han >= 10 && bad <= Math.max(3, han / 1000)) {
        text = lenient;
        encoding = "utf-8";
        warnings.push(`${bad} invalid UTF-8 sequence(s) replaced with U+FFFD (truncated or damaged file?)`);
      } else {
        ({ text, encoding } = decodeLegacy(bytes));
      }
    }
  }

  // A stray control character in real text (a NUL from a bad copy) becomes a space: same length,
  // so offsets hold. A file full of them is binary and rejected below.
  if (controlShare(text) <= 0.001 && statsOf(text).control > 0) {
    text = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, " ");
    warnings.push("control characters (e.g. NUL) in the text were replaced by spaces");
  }
  const problem = textProblem(text, encoding);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, text, encoding, warnings };
}

/** Why a decoded text cannot be a report, or null when it can. Shared by every input format. */
export function textProblem(text: string, encoding: string): string | null {
  if (statsOf(text).nul || controlShare(text) > 0.01) {
    return "binary file: control characters or NUL bytes where text should be";
  }
  if (text.trim().length === 0) return "no text: the file holds only white space";
  const { han, bad } = statsOf(text);
  if (han < 20) return `no Chinese text: only ${han} Chinese characters after decoding as ${encoding}`;
  if (bad > han / 20) return `undecodable: ${bad} invalid byte sequences as ${encoding}`;
  return null;
}

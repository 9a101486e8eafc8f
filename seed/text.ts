// Bytes to text for the data files. Lenient decoding would turn a bad byte into U+FFFD and load it
// into the graph unnoticed; here a file is valid UTF-8 without hidden control characters, or it is
// refused with the line of the first offending byte.
import { TextDecoder } from 'node:util';

export type Decoded = { ok: true; text: string } | { ok: false; line: number; message: string };

// ignoreBOM false: a leading UTF-8 BOM (some Windows editors write one) is accepted and stripped.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Refused in text even though they are valid UTF-8: C0 controls other than tab, line feed and
 * carriage return, DEL and C1 (none is printable YAML), and the bidirectional overrides and isolates
 * that make a line read differently from what it holds ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

export function describeForbiddenChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const kind = cp >= 0x202a ? 'invisible bidirectional-text control' : 'control character';
  return `${kind} U+${hex(cp, 4)}`;
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 if the byte there starts no valid sequence. */
function sequenceLength(b: Uint8Array, i: number): number {
  const x = b[i]!;
  if (x < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (x >= 0xc2 && x <= 0xdf) return cont(1) ? 2 : 0;
  if (x >= 0xe0 && x <= 0xef) {
    // E0 would allow overlong forms, ED UTF-16 surrogates: both are narrowed on the second byte.
    const ok = cont(1, x === 0xe0 ? 0xa0 : 0x80, x === 0xed ? 0x9f : 0xbf) && cont(2);
    return ok ? 3 : 0;
  }
  if (x >= 0xf0 && x <= 0xf4) {
    // F0 would allow overlong forms, F4 code points past U+10FFFF.
    const ok = cont(1, x === 0xf0 ? 0x90 : 0x80, x === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3);
    return ok ? 4 : 0;
  }
  return 0;
}

/** Byte offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const n = sequenceLength(b, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

function position(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

function invalidUtf8(b: Uint8Array): Decoded {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))
    return { ok: false, line: 1, message: 'is UTF-16, not UTF-8: save it as UTF-8' };
  const offset = Math.max(0, firstInvalidUtf8(b));
  const { line, column } = position(b, offset);
  return {
    ok: false,
    line,
    message: `is not valid UTF-8: byte 0x${hex(b[offset] ?? 0, 2)} at column ${column} (byte ${offset} of the file); save the file as UTF-8`,
  };
}

function forbiddenChar(text: string): Decoded | null {
  const m = FORBIDDEN_CHAR.exec(text);
  if (!m) return null;
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  const column = m.index - start + 1;
  return { ok: false, line, message: `${describeForbiddenChar(m[0])} at column ${column} is not allowed in a data file (only tab, line feed and carriage return)` };
}

export function decodeDataFile(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return invalidUtf8(bytes);
  }
  return forbiddenChar(text) ?? { ok: true, text };
}

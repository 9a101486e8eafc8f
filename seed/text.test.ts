import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeDataFile, firstInvalidUtf8 } from './text.js';
import { prng } from '../core/domain/prng.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const valid = (b: Uint8Array): boolean => {
  try {
    strict.decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('agrees with the fatal TextDecoder on random byte strings, and points at a byte the decoder trips on', () => {
    const rand = prng(459);
    // Biased to the bytes that start and continue multi-byte sequences, where the edge cases are.
    const pool = [0x41, 0x0a, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const b = Uint8Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pool[Math.floor(rand() * pool.length)]!);
      const at = firstInvalidUtf8(b);
      // Everything before the reported byte must be valid on its own.
      if ((at === -1) !== valid(b) || (at >= 0 && !valid(b.subarray(0, at)))) wrong.push(Buffer.from(b).toString('hex'));
    }
    expect(wrong).toEqual([]);
  });

  it('accepts every kind of well-formed sequence', () => {
    expect(firstInvalidUtf8(Buffer.from('a é 阿 😀 \u{10FFFF}'))).toBe(-1);
  });
});

describe('decodeDataFile', () => {
  it('gives the text of a valid file without its byte order mark', () => {
    expect(decodeDataFile(Buffer.from('\uFEFFa: 1\n'))).toEqual({ ok: true, text: 'a: 1\n' });
  });

  it('gives the line and column of a control character', () => {
    expect(decodeDataFile(Buffer.from('a: 1\r\nb: "\t"\nc: x\u0001\n'))).toEqual({
      ok: false,
      line: 3,
      message: 'control character U+0001 at column 5 is not allowed in a data file (only tab, line feed and carriage return)',
    });
  });
});

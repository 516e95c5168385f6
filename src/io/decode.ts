import { isUtf8 } from 'node:buffer';

const startsWithBom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Text from bytes: UTF-16 with its byte-order mark (Notepad's "Unicode", Excel/WPS "Unicode 文本") or, mostly ASCII,
 * without one (utf16WithoutBom), UTF-8 (with or
 * without BOM), else GB18030 as saved by older Chinese Windows tools. A file that starts with the UTF-8 BOM is UTF-8
 * even with an invalid byte in it (a character pasted from another encoding, two exports joined): the bad bytes read
 * as U+FFFD and `invalidAt` is the byte offset of the first, so that a reader can say where — re-reading the whole
 * file as GB18030 would turn every Chinese character into mojibake. Valid UTF-8 is checked and decoded by Node's
 * native routines (isUtf8, Buffer#toString): the same text as a fatal TextDecoder, several times faster (the bundled
 * definitions, over a megabyte, are decoded at every start-up).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; invalidAt?: number } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const u16 = utf16WithoutBom(bytes);
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  const bom = startsWithBom(bytes);
  let body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    // a TextDecoder would also drop a BOM at the start of what follows the first
    if (startsWithBom(body)) body = body.subarray(3);
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), encoding: 'utf-8' };
  }
  if (bom) {
    const text = new TextDecoder('utf-8').decode(body);
    return { text, encoding: 'utf-8', invalidAt: 3 + firstInvalidByte(text, body) };
  }
  return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
}

/**
 * UTF-16 saved without a byte-order mark (some export tools and scripts): an answer file or a table is mostly ASCII
 * (keys, digits, punctuation), whose UTF-16 has a zero byte in every other place — never found in UTF-8 or GB18030
 * text. Judged on the first kilobyte: at least half the high bytes zero, at most one low byte in twenty.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 16) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // (a CJK character may have a zero low byte: 一 is U+4E00)
  if (zeroEven * 20 <= pairs && zeroOdd * 2 >= pairs) return 'utf-16le';
  if (zeroOdd * 20 <= pairs && zeroEven * 2 >= pairs) return 'utf-16be';
  return undefined;
}

/** The byte offset in `bytes` of the first replacement character of `text` (its decoding) that was not in the bytes as such. */
function firstInvalidByte(text: string, bytes: Uint8Array): number {
  // (a BOM after the first is dropped by the decoder, as in the valid case)
  let offset = startsWithBom(bytes) ? 3 : 0;
  let from = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(text.slice(from, i));
    from = i;
    // a U+FFFD written as such (EF BF BD) is text; anything else there is the bad byte
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return offset;
}

/** The 1-based line of a byte offset (counting LF bytes; UTF-8 and GB18030 never use 0x0A inside a character). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

import { isUtf8 } from 'node:buffer';

const startsWithBom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * Text from bytes: UTF-8 (with or without BOM), else GB18030 as saved by older Chinese Windows tools. Valid UTF-8 is
 * checked and decoded by Node's native routines (isUtf8, Buffer#toString): the same text as a fatal TextDecoder,
 * several times faster (the bundled definitions, over a megabyte, are decoded at every start-up).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  let body = startsWithBom(bytes) ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    // a TextDecoder would also drop a BOM at the start of what follows the first
    if (startsWithBom(body)) body = body.subarray(3);
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), encoding: 'utf-8' };
  }
  return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
}

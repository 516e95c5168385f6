/** Text from bytes: UTF-8 (with or without BOM), else GB18030 as saved by older Chinese Windows tools. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

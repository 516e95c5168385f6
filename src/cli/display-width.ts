/** Terminal text width: East Asian characters take two columns, colour codes none (tables and wrapping). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]|[\u{20000}-\u{3fffd}]/u;
export const ANSI = /\x1b\[[0-9;]*m/g;

/** Columns a string takes in a terminal (colour codes take none). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export const padDisplay = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));


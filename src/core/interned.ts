/**
 * The engine's one shared copy of a string, equal to it. V8 keeps a single "internalized" copy of every property
 * name; a Map or Set lookup, `===` and `includes` compare two such copies by identity, and other strings character by
 * character (a Map lookup measured ≈ 7× slower). Names that are looked up for every plant — question ids, option
 * values, rule ids, the names and string literals in expressions — are interned once, when their definitions load.
 * Only speed depends on it.
 */
export function interned(s: string): string {
  let one = seen.get(s);
  if (one === undefined) {
    one = Object.keys({ [s]: 0 })[0] ?? s;
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(one, one);
  }
  return one;
}
/** Strings already interned (ids repeat across definitions): found without a throwaway object. Bounded. */
const seen = new Map<string, string>();
const SEEN_MAX = 50_000;

/**
 * A map from question id to a value for one plant, held as an array by question index (the questionnaire's order)
 * over one shared id → index table: a plant's answers and visibility were two Maps of every question each, built
 * entry by entry for every plant (about 60 KB allocated per plant, most of it the Maps' growing tables). Reads
 * cost one lookup in the shared table. It is a ReadonlyMap: it iterates in insertion order, as a Map does.
 * Only ids of the table can be set.
 */
export class QuestionMap<V> implements ReadonlyMap<string, V> {
  private readonly slots: (V | undefined)[];
  /** Question indexes in the order they were first set. */
  private readonly order: number[] = [];

  constructor(
    /** Every question id, in questionnaire order. */
    readonly ids: readonly string[],
    /** Question id → its index in `ids`. */
    readonly index: ReadonlyMap<string, number>,
  ) {
    this.slots = new Array<V | undefined>(ids.length).fill(undefined);
  }

  /** A copy (the same ids and order), to change without changing this one. */
  copy(): QuestionMap<V> {
    const c = new QuestionMap<V>(this.ids, this.index);
    for (let i = 0; i < this.slots.length; i++) c.slots[i] = this.slots[i];
    for (const i of this.order) c.order.push(i);
    return c;
  }

  /** Sets the question `id` (of the table); false, nothing set, when it is not one. */
  put(id: string, v: V): boolean {
    const i = this.index.get(id);
    if (i === undefined) return false;
    this.setAt(i, v);
    return true;
  }

  /** The value of the question at index `i` (undefined when not set). */
  at(i: number): V | undefined {
    return this.slots[i];
  }

  /** The question index of the `k`-th entry set (iteration order, without an iterator). */
  indexAt(k: number): number {
    return this.order[k]!;
  }

  /** Sets the question at index `i`. */
  setAt(i: number, v: V): void {
    if (this.slots[i] === undefined) this.order.push(i);
    this.slots[i] = v;
  }

  get(id: string): V | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.slots[i];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.order.length;
  }

  forEach(f: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const i of this.order) f.call(thisArg, this.slots[i]!, this.ids[i]!, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (const i of this.order) yield [this.ids[i]!, this.slots[i]!];
  }

  *keys(): MapIterator<string> {
    for (const i of this.order) yield this.ids[i]!;
  }

  *values(): MapIterator<V> {
    for (const i of this.order) yield this.slots[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * The value of question `id`, which is question `i` of the questionnaire whose id table is `ids`: read by index when
 * `map` is a QuestionMap over that table, looked up by id otherwise (a plain Map, e.g. a changed copy of the answers).
 */
export function valueAt<V>(map: ReadonlyMap<string, V>, ids: readonly string[], id: string, i: number): V | undefined {
  return map instanceof QuestionMap && map.ids === ids ? (map as QuestionMap<V>).at(i) : map.get(id);
}

import path from 'node:path';
import { displayPath } from './paths.js';

export type InputKind = 'answer' | 'csv' | 'xlsx' | 'binary-spreadsheet' | 'unsupported' | 'missing' | 'no-match' | 'empty-folder' | 'other-spreadsheet' | 'document';
export interface InputItem {
  /** Absolute path (the pattern itself for no-match). */
  path: string;
  /** As printed in messages and output: relative to the working directory, forward slashes. */
  shown: string;
  kind: InputKind;
}

const KINDS: readonly InputKind[] = ['answer', 'csv', 'xlsx', 'binary-spreadsheet', 'unsupported', 'missing', 'no-match', 'empty-folder', 'other-spreadsheet', 'document'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
/** A UTF-16 surrogate: such a name (an emoji, or a lone surrogate UTF-8 cannot carry) is not packed. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The inputs of a batch in order, held compactly: a batch can list 100,000 answer files, and an object with two
 * path strings per file (≈ 250 bytes) made the main thread's memory grow with the number of inputs. A file is kept
 * as its folder (one shared string per folder), its name and a kind byte; its path and displayed path are built
 * when asked for. Inputs shown other than by their path (a pattern that matched nothing) keep their text.
 * Names are packed as UTF-8 in one growing byte array (a string per name was 40–60 bytes of the main thread's heap
 * each, and the heap's headroom grows with what it holds); a name with a surrogate (a lone one, possible in a
 * Windows file name, cannot be carried by UTF-8) is kept whole as a given path.
 */
export class InputList {
  private readonly dirs: string[] = [];
  private readonly dirIds = new Map<string, number>();
  private dirOf = new Uint32Array(256);
  private kindCodes = new Uint8Array(256);
  /** The names' UTF-8 bytes, one after the other; input i's name ends at nameEnds[i] (starts where i − 1's ends). */
  private nameBytes = Buffer.alloc(4096);
  private nameEnds = new Uint32Array(256);
  private nameUsed = 0;
  /** Inputs whose path is not folder + name, or whose displayed text is not their path's: index → [path, shown]. */
  private readonly given = new Map<number, readonly [string, string]>();
  length = 0;

  /** A file, as its folder and name. */
  addFile(dir: string, name: string, kind: InputKind): void {
    if (SURROGATE.test(name)) {
      this.add(path.join(dir, name), kind, displayPath(path.join(dir, name)));
      return;
    }
    let d = this.dirIds.get(dir);
    if (d === undefined) {
      d = this.dirs.length;
      this.dirs.push(dir);
      this.dirIds.set(dir, d);
    }
    const i = this.reserve();
    this.dirOf[i] = d;
    this.kindCodes[i] = KIND_CODE.get(kind)!;
    this.pushName(i, name);
  }

  private pushName(i: number, name: string): void {
    const need = this.nameUsed + Buffer.byteLength(name, 'utf8');
    if (need > this.nameBytes.length) {
      const bytes = Buffer.alloc(Math.max(need, this.nameBytes.length * 2));
      this.nameBytes.copy(bytes, 0, 0, this.nameUsed);
      this.nameBytes = bytes;
    }
    this.nameUsed += this.nameBytes.write(name, this.nameUsed, 'utf8');
    this.nameEnds[i] = this.nameUsed;
  }

  private nameAt(i: number): string {
    return this.nameBytes.toString('utf8', i === 0 ? 0 : this.nameEnds[i - 1]!, this.nameEnds[i]!);
  }

  /** An input given by its full path, or by a text shown as given (a pattern that matched nothing). */
  add(p: string, kind: InputKind, shown?: string): void {
    if (shown === undefined) {
      const dir = path.dirname(p);
      const name = path.basename(p);
      // A path that folder + name does not give back (a Windows share's root, \\server\share) is kept whole.
      if (path.join(dir, name) === p) {
        this.addFile(dir, name, kind);
        return;
      }
    }
    const i = this.reserve();
    this.kindCodes[i] = KIND_CODE.get(kind)!;
    this.pushName(i, '');
    this.given.set(i, [p, shown ?? displayPath(p)]);
  }

  private reserve(): number {
    if (this.length === this.kindCodes.length) {
      const dirOf = new Uint32Array(this.length * 2);
      dirOf.set(this.dirOf);
      this.dirOf = dirOf;
      const kinds = new Uint8Array(this.length * 2);
      kinds.set(this.kindCodes);
      this.kindCodes = kinds;
      const ends = new Uint32Array(this.length * 2);
      ends.set(this.nameEnds);
      this.nameEnds = ends;
    }
    return this.length++;
  }

  kindAt(i: number): InputKind {
    return KINDS[this.kindCodes[i]!]!;
  }

  pathAt(i: number): string {
    const g = this.given.get(i);
    return g ? g[0] : path.join(this.dirs[this.dirOf[i]!]!, this.nameAt(i));
  }

  shownAt(i: number): string {
    const g = this.given.get(i);
    return g ? g[1] : displayPath(this.pathAt(i));
  }

  at(i: number): InputItem {
    return { path: this.pathAt(i), shown: this.shownAt(i), kind: this.kindAt(i) };
  }

  /** The inputs `keep` says yes to, in order (a new list). */
  filter(keep: (i: number) => boolean): InputList {
    const out = new InputList();
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      const g = this.given.get(i);
      if (g) out.add(g[0], this.kindAt(i), g[1]);
      else out.addFile(this.dirs[this.dirOf[i]!]!, this.nameAt(i), this.kindAt(i));
    }
    return out;
  }

  /** Each input's kind, in order (as `{ kind }`, without building its paths). */
  *kinds(): IterableIterator<{ kind: InputKind }> {
    for (let i = 0; i < this.length; i++) yield { kind: this.kindAt(i) };
  }

  *[Symbol.iterator](): IterableIterator<InputItem> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

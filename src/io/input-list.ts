import path from 'node:path';
import { displayPath } from './paths.js';

export type InputKind = 'answer' | 'csv' | 'xlsx' | 'binary-spreadsheet' | 'unsupported' | 'missing' | 'no-match' | 'empty-folder';
export interface InputItem {
  /** Absolute path (the pattern itself for no-match). */
  path: string;
  /** As printed in messages and output: relative to the working directory, forward slashes. */
  shown: string;
  kind: InputKind;
}

const KINDS: readonly InputKind[] = ['answer', 'csv', 'xlsx', 'binary-spreadsheet', 'unsupported', 'missing', 'no-match', 'empty-folder'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));

/**
 * The inputs of a batch in order, held compactly: a batch can list 100,000 answer files, and an object with two
 * path strings per file (≈ 250 bytes) made the main thread's memory grow with the number of inputs. A file is kept
 * as its folder (one shared string per folder), its name and a kind byte; its path and displayed path are built
 * when asked for. Inputs shown other than by their path (a pattern that matched nothing) keep their text.
 */
export class InputList {
  private readonly dirs: string[] = [];
  private readonly dirIds = new Map<string, number>();
  private dirOf = new Uint32Array(256);
  private kindCodes = new Uint8Array(256);
  private readonly names: string[] = [];
  /** Inputs whose path is not folder + name, or whose displayed text is not their path's: index → [path, shown]. */
  private readonly given = new Map<number, readonly [string, string]>();
  length = 0;

  /** A file, as its folder and name. */
  addFile(dir: string, name: string, kind: InputKind): void {
    let d = this.dirIds.get(dir);
    if (d === undefined) {
      d = this.dirs.length;
      this.dirs.push(dir);
      this.dirIds.set(dir, d);
    }
    const i = this.reserve();
    this.dirOf[i] = d;
    this.kindCodes[i] = KIND_CODE.get(kind)!;
    this.names.push(name);
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
    this.names.push('');
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
    }
    return this.length++;
  }

  kindAt(i: number): InputKind {
    return KINDS[this.kindCodes[i]!]!;
  }

  pathAt(i: number): string {
    const g = this.given.get(i);
    return g ? g[0] : path.join(this.dirs[this.dirOf[i]!]!, this.names[i]!);
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
      else out.addFile(this.dirs[this.dirOf[i]!]!, this.names[i]!, this.kindAt(i));
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

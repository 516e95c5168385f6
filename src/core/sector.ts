import { checkExpression, type ExpressionContext } from './expression/check.js';
import type { Node } from './expression/parse.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { compileTexts, readsAny, type CompiledTexts, type ConditionParser, type ItemDef } from './items.js';
import type { Source } from './source.js';
import type { Text } from './types.js';

export type PlantSize = 'small' | 'medium' | 'large';
export const PLANT_SIZES: readonly PlantSize[] = ['small', 'medium', 'large'];

/**
 * Sector wording replacing a rule's generic text (investment in 万元 for a medium plant of the sector), benefits
 * included. Its items are those of the rules: with `if`, an item is shown only when that condition holds for the plant.
 */
export interface SectorRuleOverride {
  title?: Text;
  measures?: ItemDef[];
  hardware?: ItemDef[];
  software?: ItemDef[];
  integration?: ItemDef[];
  /** One text, or sentences each shown when its `if` holds (joined in order), as a rule's benefits. */
  benefits?: Text | ItemDef[];
  investment?: { min: number; max: number };
  effort?: 'low' | 'medium' | 'high';
  /**
   * The rule's prerequisites this sector's project waits for (a subset of them; an id that is not one of the rule's
   * is ignored): a food plant's recipe library, weighed by hand at the batching room, does not wait for a DCS.
   */
  prerequisites?: string[];
  note?: Text;
}

/** A legal, regulatory or customer duty of the sector, checked before the projects that depend on it. */
export interface RegulatoryMust {
  id: string;
  kind: 'law' | 'regulation' | 'standard' | 'customer';
  text: Text;
  /** The document and article: one string when it reads the same in both languages, else each language's. */
  source: string | Text;
  appliesWhen?: Text;
  appliesTo?: string[];
  check: Text;
  /**
   * What to check instead when the answers show the duty mostly met (`mostlyWhen`): what "mostly" may or may not
   * leave open (traceability kept on paper for one workshop may meet the law; the check says how to tell).
   */
  mostlyCheck?: Text;
  /** Checked before every project of the plan. */
  gate?: boolean;
  /** Projects that come only after the duty is met. */
  precedes: string[];
  /** Projects not recommended while the duty is not met. */
  blocks: string[];
  /** Projects that fulfil the duty. */
  fulfilledBy?: string[];
  /**
   * For a project of `fulfilledBy` that settles the duty only at some plants (its measure for the duty has a
   * condition: the OT-security project classifies the business systems only where nothing is classified yet): that
   * condition. Where it does not hold, the project is not one that settles the duty.
   */
  fulfilledByWhen?: Record<string, string>;
  /** When the answers show the duty met (an expression over the plant's answers). */
  metWhen?: string;
  /**
   * When the answers show the duty mostly but not fully met (a requirement answered 'mostly'): still open — it comes
   * before the projects it precedes and its projects are placed first — and reported as "mostly met, not yet fully".
   */
  mostlyWhen?: string;
  /** When the answers show the duty not met: reported as not met, not as "to be checked". */
  notMetWhen?: string;
  /** The duty applies to a plant only when the answers show this. */
  appliesIf?: string;
  /**
   * What the answers do show of a duty they cannot say is met or not (filed, but not whether assessed): each
   * statement whose `if` holds is said with its "to be checked" status, so the line does not read as if nothing were known.
   */
  shown?: { if: string; text: Text }[];
  /** The duty applies to plants of every sector, whichever pack they get (cross-sector law). */
  allSectors?: boolean;
  confirmed: boolean;
  note?: Text;
}

/** A sector pack (questionnaires/sectors/*.yaml, schemas/sector-pack.schema.json): what the engine and report read. */
export interface SectorPack {
  kind: 'sector-pack';
  id: string;
  title: Text;
  /**
   * The name the report gives the sector for the plants under a narrower code (a pack covering several trades): per
   * code prefix, a title; the longest prefix of the plant's code wins, else `title`.
   */
  titleByCode?: Record<string, Text>;
  description?: Text;
  /** GB/T 4754-2017 code prefixes; empty for the generic pack. */
  codes: string[];
  /** The sub-industries (GB/T 4754 classes) the pack names, with their names. */
  classes?: { code: string; name: Text; confirmed?: boolean }[];
  keyProcesses: Text;
  regulatoryMusts: RegulatoryMust[];
  never: string[];
  neverWhy?: Record<string, Text>;
  emphasise: string[];
  minPlantSize?: Record<string, PlantSize>;
  rules: Record<string, SectorRuleOverride>;
  /**
   * Wording for the plants under a narrower code (a pack covering several trades): per code prefix, rule id →
   * wording whose fields replace those of `rules` for that rule, field by field; the longest prefix of the plant's
   * code wins. A plant under none of them reads `rules` alone.
   */
  rulesByCode?: Record<string, Record<string, SectorRuleOverride>>;
  investmentScale: { small: number; medium: number; large: number; estimate?: boolean; note?: Text };
}

/**
 * The pack for a GB/T 4754 sector code: the pack with the longest code that is a prefix of it (C1432 → the pack
 * listing C1432 before one listing C14), else the generic pack (no codes). Undefined when there is no generic pack.
 */
export function packFor(packs: readonly CompiledSectorPack[], sector: string | undefined): CompiledSectorPack | undefined {
  const code = (sector ?? '').trim().toUpperCase();
  let best: CompiledSectorPack | undefined;
  let bestLength = 0;
  if (code) {
    for (const p of packs) {
      for (const c of p.def.codes) {
        if (c.length > bestLength && code.startsWith(c)) {
          best = p;
          bestLength = c.length;
        }
      }
    }
  }
  return best ?? packs.find((p) => p.def.codes.length === 0);
}

/** The pack's sub-industry whose code is the longest prefix of the plant's code, if the pack names one. */
export function classFor(pack: SectorPack, sector: string | undefined): { code: string; name: Text } | undefined {
  const code = sectorCode(sector);
  let best: { code: string; name: Text } | undefined;
  for (const c of pack.classes ?? []) if (code && code.startsWith(c.code.toUpperCase()) && (!best || c.code.length > best.code.length)) best = { code: c.code, name: c.name };
  return best;
}

/**
 * A sector written as a GB/T 4754-2017 code: a section letter, alone or with 2–4 digits (C, C36, C367, C3670), as
 * such or followed by its name ("C3670 汽车零部件及配件制造", as copied from the statistics): the code is what is read.
 * A letter alone is a code only before a space or the end ("T恤衫" is words).
 */
export const isSectorCode = (sector: string): boolean => /^[A-T](?:\d{2,4}(?![\dA-Za-z])|(?=\s|$))/i.test(sector.trim());

/** Character pairs of a Chinese name, or the words of an English one, for a loose comparison of names. */
function nameParts(text: string): string[] {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/[\u4e00-\u9fff]/.test(t)) {
    const chars = [...t.replace(/[\s，、,（）()及和与]/g, '')];
    const pairs: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
    return pairs;
  }
  return t.split(/[^a-z0-9]+/).filter((w) => w.length > 2);
}

/** How alike two names are: the Dice coefficient of their parts (0–1). */
function likeness(a: string, b: string): number {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (!pa.length || !pb.length) return 0;
  const rest = [...pb];
  let shared = 0;
  for (const x of pa) {
    const i = rest.indexOf(x);
    if (i >= 0) {
      shared++;
      rest.splice(i, 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/**
 * The sub-industry a sector written in words names ("汽车零部件加工" → C3670 汽车零部件及配件制造): the class of a pack
 * whose name is most like it, when clearly alike (half its parts shared); undefined otherwise. Only a suggestion
 * to the person who wrote it: the plant is never placed in a sector by its words.
 */
export function sectorGuess(packs: readonly CompiledSectorPack[], written: string): { code: string; name: Text } | undefined {
  // the digits of a manufacturing code without its section letter ("3670"): the code with C, named as its pack names it
  const digits = /^\d{2,4}$/.exec(written.trim());
  if (digits) {
    const code = `C${digits[0]}`;
    const pack = packFor(packs, code);
    if (!pack?.def.codes.length) return undefined;
    return { code, name: classFor(pack.def, code)?.name ?? pack.def.title };
  }
  let best: { code: string; name: Text } | undefined;
  let bestScore = 0.5;
  for (const p of packs) {
    for (const c of p.def.classes ?? []) {
      const score = Math.max(likeness(written, c.name.zh), likeness(written, c.name.en));
      if (score > bestScore || (score === bestScore && !best)) {
        best = { code: c.code, name: c.name };
        bestScore = score;
      }
    }
  }
  return best;
}

/**
 * The divisions (大类, the two digits after the section letter) of each section (门类) of GB/T 4754-2017, first and
 * last: manufacturing is C13–C43.
 */
const DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/** A code whose two digits name no division of its section (C99, A13): the section, those digits and its divisions. */
export function unknownDivision(sector: string | undefined): { section: string; division: string; first: string; last: string } | undefined {
  const code = sectorCode(sector);
  if (!isSectorCode(code)) return undefined;
  const m = /^([A-T])(\d{2})/.exec(code);
  if (!m) return undefined;
  const [first, last] = DIVISIONS[m[1]!]!;
  const n = Number(m[2]);
  if (n >= first && n <= last) return undefined;
  const two = (x: number) => String(x).padStart(2, '0');
  return { section: m[1]!, division: m[2]!, first: two(first), last: two(last) };
}

/** A sector the plant's plan cannot be fitted to: written in words, or a code naming no division (what `sectorWarning` is about). */
export const sectorNeedsWarning = (sector: string | undefined): boolean => sectorInWords(sector) || unknownDivision(sector) !== undefined;

/** A sector written, but not as a GB/T 4754 code (the plan is then the generic one): what `sectorWarning` is about. */
export const sectorInWords = (sector: string | undefined): boolean => {
  const written = (sector ?? '').trim();
  return written !== '' && !isSectorCode(written);
};

/**
 * The warning about a sector written in words, or as a code of no division (call it when sectorNeedsWarning holds):
 * the generic plan follows, and which code to write instead, the likeliest when its words name one (sectorGuess). Its message names the field by
 * `field` (`respondent.sector` for validate, the prompt's own name in the interview). One rule for validate and the
 * interview, which word it as their messages do.
 */
export function sectorWarning(packs: readonly CompiledSectorPack[], sector: string): { code: 'answers.sector-not-code' | 'answers.sector-not-code-guess' | 'answers.sector-unknown-division'; args: Record<string, string> } {
  const written = sector.trim();
  const bad = unknownDivision(written);
  if (bad) return { code: 'answers.sector-unknown-division', args: { sector: written, ...bad } };
  const guess = sectorGuess(packs, written);
  return guess ? { code: 'answers.sector-not-code-guess', args: { sector: written, code: guess.code, name_zh: guess.name.zh, name_en: guess.name.en } } : { code: 'answers.sector-not-code', args: { sector: written } };
}

/** A GB/T 4754 code as the prefixes are compared with it: trimmed, in capitals ('' when not given). */
export const sectorCode = (sector: string | undefined): string => (sector ?? '').trim().toUpperCase();

/**
 * Whether a code already read by `sectorCode` falls under one of the prefixes (for a plant's many rules; an
 * expression's arguments as they are: what is not text is no prefix).
 */
export function codeUnder(code: string, prefixes: readonly unknown[]): boolean {
  if (code === '') return false;
  for (const p of prefixes) if (typeof p === 'string' && code.startsWith(p.toUpperCase())) return true;
  return false;
}

/** Whether a GB/T 4754 code falls under one of the prefixes. */
export const sectorIn = (sector: string | undefined, prefixes: readonly string[]): boolean => codeUnder(sectorCode(sector), prefixes);

/** A duty with its conditions parsed; `confidential` when one of them reads a confidential answer (whether the duty applies, or its status, tells that answer). */
export interface CompiledMust {
  def: RegulatoryMust;
  metWhen?: Node;
  mostlyWhen?: Node;
  notMetWhen?: Node;
  appliesIf?: Node;
  shown?: { if: Node; text: Text }[];
  /** The conditions of `fulfilledByWhen`, parsed, by rule id. */
  fulfilledByWhen?: Map<string, Node>;
  confidential: boolean;
}

export interface CompiledSectorPack {
  def: SectorPack;
  /** The duties with their conditions parsed. */
  musts: CompiledMust[];
  /** Per rule id, the item lists of the pack's wording with their conditions parsed (as a rule's own lists). */
  wording: ReadonlyMap<string, CompiledTexts>;
  /** Per code prefix of `rulesByCode`, per rule id, the item lists of that wording, conditions parsed. */
  wordingByCode?: ReadonlyMap<string, ReadonlyMap<string, CompiledTexts>>;
}

/** The longest of the prefixes (the keys of a `…ByCode` table) a code read by `sectorCode` falls under, if any. */
function longestPrefix(code: string, prefixes: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const c of prefixes) if (code && code.startsWith(c.toUpperCase()) && (!best || c.length > best.length)) best = c;
  return best;
}

/** The code prefix of `rulesByCode` a plant's code (read by `sectorCode`) falls under: the longest, if any. */
export const wordingCodeFor = (pack: SectorPack, code: string): string | undefined => longestPrefix(code, Object.keys(pack.rulesByCode ?? {}));

/** The pack's title for a plant's sector: that of the longest prefix of `titleByCode` its code falls under, else `title`. */
export function titleFor(pack: SectorPack, sector: string | undefined): Text {
  const byCode = pack.titleByCode ? longestPrefix(sectorCode(sector), Object.keys(pack.titleByCode)) : undefined;
  return byCode === undefined ? pack.title : pack.titleByCode![byCode]!;
}

/**
 * A pack's wording of one rule for plants under `byCode` (a key of `rulesByCode`, from `wordingCodeFor`): the
 * fields given for that code over those of `rules`, field by field, texts and items alike. Undefined when the pack
 * words the rule for neither.
 */
export function wordingFor(pack: CompiledSectorPack, id: string, byCode: string | undefined): { wording: SectorRuleOverride; texts: CompiledTexts | undefined } | undefined {
  const base = pack.def.rules[id];
  const narrow = byCode === undefined ? undefined : pack.def.rulesByCode?.[byCode]?.[id];
  if (!narrow) return base ? { wording: base, texts: pack.wording.get(id) } : undefined;
  const texts = { ...pack.wording.get(id), ...pack.wordingByCode?.get(byCode!)?.get(id) };
  return { wording: { ...base, ...narrow }, texts };
}

/**
 * A pack's wordings that wait for a prerequisite their rule does not have (recommend ignores it: a misspelt id would
 * silently leave the project waiting for nothing): checked against the rules it is used with, by
 * `validate --definition`.
 */
export function sectorPrerequisiteProblems(source: Source, pack: SectorPack, rulePrerequisites: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const check = (rules: Record<string, SectorRuleOverride>, at: (string | number)[]) => {
    for (const [id, wording] of Object.entries(rules))
      (wording.prerequisites ?? []).forEach((pre, k) => {
        if (rulePrerequisites.has(id) && !rulePrerequisites.get(id)!.includes(pre)) ds.push(diag('sector.prerequisite-not-of-rule', source.file, source.locate([...at, id, 'prerequisites', k]), { id: pre, rule: id }, 'error', [...at, id, 'prerequisites', k]));
      });
  };
  check(pack.rules, ['rules']);
  for (const [code, rules] of Object.entries(pack.rulesByCode ?? {})) check(rules, ['rulesByCode', code]);
  return ds;
}

/**
 * Semantic checks of a sector pack after its schema: every `metWhen` and every `if` of its wording's items parses
 * and names only known ids (the plant rules' context). Rule ids are not checked here: a pack is written for the
 * bundled rules, and names of rules a consultant's own rules file lacks simply do not apply. A list of the wording
 * is confidential when an `if` reads one of `confidentialQuestions`, as a rule's list is.
 */
const MUST_CONDITIONS = ['metWhen', 'mostlyWhen', 'notMetWhen', 'appliesIf'] as const;

export function compileSectorPack(source: Source, ctx: ExpressionContext, confidentialQuestions?: ReadonlySet<string>, freeTextQuestions?: ReadonlySet<string>): { pack?: CompiledSectorPack; diagnostics: Diagnostic[] } {
  const def = source.data as SectorPack;
  const ds: Diagnostic[] = [];
  const parse: ConditionParser = (src, path) => {
    const checked = checkExpression(src, ctx);
    if (checked.ok) return checked.ast;
    checked.problems.forEach((p) => ds.push(diag(p.code, source.file, source.locate(path), { ...p.args, offset: p.offset + 1 }, 'error', path)));
    return undefined;
  };
  const musts = def.regulatoryMusts.map((m, i): CompiledMust => {
    const compiled: CompiledMust = { def: m, confidential: false };
    for (const key of MUST_CONDITIONS) {
      const src = m[key];
      const node = src === undefined ? undefined : parse(src, ['regulatoryMusts', i, key]);
      if (!node) continue;
      compiled[key] = node;
      if (confidentialQuestions && readsAny(node, confidentialQuestions)) compiled.confidential = true;
    }
    (m.shown ?? []).forEach((item, k) => {
      const node = parse(item.if, ['regulatoryMusts', i, 'shown', k, 'if']);
      if (!node) return;
      (compiled.shown ??= []).push({ if: node, text: item.text });
      if (confidentialQuestions && readsAny(node, confidentialQuestions)) compiled.confidential = true;
    });
    // (which project settles the duty tells the condition's answers, as its status does)
    for (const [id, src] of Object.entries(m.fulfilledByWhen ?? {})) {
      if (!m.fulfilledBy?.includes(id)) {
        const path = ['regulatoryMusts', i, 'fulfilledByWhen', id];
        ds.push(diag('sector.fulfilled-when-not-listed', source.file, source.locate(path), { id }, 'error', path));
        continue;
      }
      const node = parse(src, ['regulatoryMusts', i, 'fulfilledByWhen', id]);
      if (!node) continue;
      (compiled.fulfilledByWhen ??= new Map()).set(id, node);
      if (confidentialQuestions && readsAny(node, confidentialQuestions)) compiled.confidential = true;
    }
    return compiled;
  });
  const wording = new Map<string, CompiledTexts>();
  for (const [id, override] of Object.entries(def.rules)) {
    const texts = compileTexts(override, ['rules', id], parse, confidentialQuestions, freeTextQuestions);
    if (texts) wording.set(id, texts);
  }
  const wordingByCode = new Map<string, Map<string, CompiledTexts>>();
  for (const [code, rules] of Object.entries(def.rulesByCode ?? {})) {
    const byRule = new Map<string, CompiledTexts>();
    for (const [id, override] of Object.entries(rules)) {
      const texts = compileTexts(override, ['rulesByCode', code, id], parse, confidentialQuestions, freeTextQuestions);
      if (texts) byRule.set(id, texts);
    }
    wordingByCode.set(code, byRule);
  }
  return ds.length ? { diagnostics: ds } : { pack: { def, musts, wording, ...(wordingByCode.size ? { wordingByCode } : {}) }, diagnostics: ds };
}

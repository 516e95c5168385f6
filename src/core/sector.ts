import { checkExpression, type ExpressionContext } from './expression/check.js';
import type { Node } from './expression/parse.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Source } from './source.js';
import type { Text } from './types.js';

export type PlantSize = 'small' | 'medium' | 'large';
export const PLANT_SIZES: readonly PlantSize[] = ['small', 'medium', 'large'];

/** Sector wording replacing a rule's generic text (investment in 万元 for a medium plant of the sector). */
export interface SectorRuleOverride {
  title?: Text;
  measures?: Text[];
  hardware?: Text[];
  software?: Text[];
  integration?: Text[];
  investment?: { min: number; max: number };
  effort?: 'low' | 'medium' | 'high';
  note?: Text;
}

/** A legal, regulatory or customer duty of the sector, checked before the projects that depend on it. */
export interface RegulatoryMust {
  id: string;
  kind: 'law' | 'regulation' | 'standard' | 'customer';
  text: Text;
  source: string;
  appliesWhen?: Text;
  appliesTo?: string[];
  check: Text;
  /** Checked before every project of the plan. */
  gate?: boolean;
  /** Projects that come only after the duty is met. */
  precedes: string[];
  /** Projects not recommended while the duty is not met. */
  blocks: string[];
  /** Projects that fulfil the duty. */
  fulfilledBy?: string[];
  /** When the answers show the duty met (an expression over the plant's answers). */
  metWhen?: string;
  confirmed: boolean;
  note?: Text;
}

/** A sector pack (questionnaires/sectors/*.yaml, schemas/sector-pack.schema.json): what the engine and report read. */
export interface SectorPack {
  kind: 'sector-pack';
  id: string;
  title: Text;
  description?: Text;
  /** GB/T 4754-2017 code prefixes; empty for the generic pack. */
  codes: string[];
  keyProcesses: Text;
  regulatoryMusts: RegulatoryMust[];
  never: string[];
  neverWhy?: Record<string, Text>;
  emphasise: string[];
  minPlantSize?: Record<string, PlantSize>;
  rules: Record<string, SectorRuleOverride>;
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

/** A GB/T 4754 code as the prefixes are compared with it: trimmed, in capitals ('' when not given). */
export const sectorCode = (sector: string | undefined): string => (sector ?? '').trim().toUpperCase();

/** Whether a code already read by `sectorCode` falls under one of the prefixes (for a plant's many rules). */
export const codeUnder = (code: string, prefixes: readonly string[]): boolean => code !== '' && prefixes.some((p) => code.startsWith(p.toUpperCase()));

/** Whether a GB/T 4754 code falls under one of the prefixes. */
export const sectorIn = (sector: string | undefined, prefixes: readonly string[]): boolean => codeUnder(sectorCode(sector), prefixes);

export interface CompiledSectorPack {
  def: SectorPack;
  /** The duties with their `metWhen` condition parsed. */
  musts: { def: RegulatoryMust; metWhen?: Node }[];
}

/**
 * Semantic checks of a sector pack after its schema: every `metWhen` parses and names only known ids (the plant
 * rules' context). Rule ids are not checked here: a pack is written for the bundled rules, and names of rules a
 * consultant's own rules file lacks simply do not apply.
 */
export function compileSectorPack(source: Source, ctx: ExpressionContext): { pack?: CompiledSectorPack; diagnostics: Diagnostic[] } {
  const def = source.data as SectorPack;
  const ds: Diagnostic[] = [];
  const musts = def.regulatoryMusts.map((m, i) => {
    if (m.metWhen === undefined) return { def: m };
    const checked = checkExpression(m.metWhen, ctx);
    if (checked.ok) return { def: m, metWhen: checked.ast };
    const path = ['regulatoryMusts', i, 'metWhen'];
    checked.problems.forEach((p) => ds.push(diag(p.code, source.file, source.locate(path), { ...p.args, offset: p.offset + 1 }, 'error', path)));
    return { def: m };
  });
  return ds.length ? { diagnostics: ds } : { pack: { def, musts }, diagnostics: ds };
}

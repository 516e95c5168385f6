// Types for fuzz-core.mjs (plain JavaScript so that scripts/fuzz-long.mjs can use it against dist/).
import type { Arbitrary } from 'fast-check';

export type FuzzCase =
  | { kind: 'answers'; file: string; text: string; bytesBase64?: string; report: 'none' | 'json' | 'md' | 'html'; audience: 'client' | 'office' }
  | { kind: 'expression'; src: string; context: 'questionnaire' | 'rules' }
  | { kind: 'definition'; which: string; file: string; text: string }
  | { kind: 'template'; text: string; format: 'md' }
  | { kind: 'csv'; text: string; flips: { at: number; byte: number }[] }
  | { kind: 'xlsx'; rows: unknown[][]; flips: { at: number; byte: number }[] };

/** The loaded bundled definitions and the module functions the engine calls. */
export interface FuzzContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the module namespace of src/ or dist/
  api: Record<string, any>;
  questionIds: string[];
  optionValues: string[];
  expressions: string[];
  [key: string]: unknown;
}

export const ROOT: string;
export const API_MODULES: string[];
export const DANGEROUS_KEYS: string[];
export const NANISH_STRINGS: string[];
export const HUGE_NUMBERS: number[];
export function loadApi(importModule: (m: string) => Promise<Record<string, unknown>>): Promise<Record<string, unknown>>;
export function createContext(api: Record<string, unknown>): Promise<FuzzContext>;
export function withSample(ctx: FuzzContext): FuzzContext;
export function ownObject(entries: [string, unknown][]): Record<string, unknown>;
export function answerCaseArb(ctx: FuzzContext): Arbitrary<FuzzCase>;
export function expressionArb(ctx: FuzzContext): Arbitrary<FuzzCase>;
export function definitionCaseArb(ctx: FuzzContext): Arbitrary<FuzzCase>;
export function templateCaseArb(): Arbitrary<FuzzCase>;
export function tableCaseArb(ctx: FuzzContext, format?: 'csv' | 'xlsx'): Arbitrary<FuzzCase>;
export const OPTIONAL_API_MODULES: string[];
export function anyCaseArb(ctx: FuzzContext): Arbitrary<FuzzCase>;
export function runCase(ctx: FuzzContext, c: FuzzCase, opts?: { timeLimitMs?: number }): Promise<{ failures: string[]; outcome: string }>;
export function checkResult(result: unknown, failures: string[]): void;
export function checkNoPollution(failures: string[]): void;
export function signature(failure: string): string;
export const KNOWN_BUGS: { id: string; re: RegExp; test: string }[];
export function knownBug(failure: string): string | undefined;

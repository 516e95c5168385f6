// A report of one answer file through the built CLI, as the sector tests read it: the JSON parsed, or the Markdown
// text; a run that fails fails the test with its messages.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { zhizao } from './cli';

export function reportJson<T>(file: string, ...extra: string[]): T {
  const r = zhizao(['report', file, '--format', 'json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

export function reportMarkdown(file: string, lang: 'zh' | 'en', ...extra: string[]): string {
  const r = zhizao(['report', file, '--format', 'md', '--lang', lang, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

export interface Text {
  zh: string;
  en: string;
}

/** A project of the plan as `report --format json` writes it (the fields the sector tests read). */
export interface ReportProject {
  id: string;
  variant?: string;
  phase: string;
  asked?: boolean;
  title: Text;
  evidence: { question: string; answer: unknown; statement: Text }[];
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  benefits: Text;
  investment: { min: number; max: number };
  prerequisites: string[];
  servesPriorities: string[];
  laterReason?: { code: string };
}

/** An answer file with some answers changed, written into `dir` as `name` (its path returned): a variant of a fixture. */
export function answerVariant(dir: string, base: string, name: string, answers: Record<string, unknown>): string {
  const file = parse(readFileSync(base, 'utf8')) as { answers: Record<string, unknown> };
  Object.assign(file.answers, answers);
  const out = path.join(dir, name);
  writeFileSync(out, stringify(file));
  return out;
}

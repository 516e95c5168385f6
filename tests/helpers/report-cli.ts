// A report of one answer file through the built CLI, as the sector tests read it: the JSON parsed, or the Markdown
// text; a run that fails fails the test with its messages.
import { expect } from 'vitest';
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

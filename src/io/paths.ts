import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The installed package's root (dist/io/paths.js → ../..). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFINITIONS_DIR = path.join(PACKAGE_ROOT, 'questionnaires');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'report-templates');
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Paths printed in messages: relative to the working directory when inside it, with forward slashes. */
export function displayPath(p: string): string {
  if (p === '-') return '<stdin>';
  const rel = path.relative(process.cwd(), p);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  return shown.split(path.sep).join('/');
}

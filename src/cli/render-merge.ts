import type { MergeConflict, MergeProblem } from '../core/merge.js';
import type { Lang } from '../core/types.js';
import { formatMessage } from '../messages/catalogue.js';
import type { Terminal } from './terminal.js';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Conflicts as lines for stderr: the candidate values and what was done with them. */
export function conflictLines(conflicts: readonly MergeConflict[], lang: Lang): string[] {
  return conflicts.map((c) => {
    const values = c.values.map((v) => `${v.file} = ${show(v.value)}`).join(' | ');
    const outcome = c.resolved
      ? formatMessage('cli.merge-took-preferred', { file: c.chosen ?? '' }, lang)
      : c.chosen
        ? formatMessage('cli.merge-kept-required', { file: c.chosen }, lang)
        : formatMessage('cli.merge-left-open', {}, lang);
    return `  ${c.question ?? c.field}: ${values} → ${outcome}`;
  });
}

export function printMergeProblems(term: Terminal, problems: readonly MergeProblem[]): void {
  for (const p of problems) {
    const line = `${term.msg(p.severity === 'error' ? 'cli.severity-error' : 'cli.severity-warning')} ${term.t(p.message)}`;
    term.say(p.severity === 'error' ? term.err.red(line) : term.err.yellow(line));
  }
}

export function printConflicts(term: Terminal, conflicts: readonly MergeConflict[]): void {
  if (!conflicts.length) return;
  const open = conflicts.filter((c) => !c.resolved).length;
  term.say(term.err.yellow(term.msg('cli.merge-conflicts', { count: conflicts.length, resolved: conflicts.length - open, open })));
  for (const l of conflictLines(conflicts, term.lang)) term.say(term.err.yellow(l));
}

/**
 * `{name}` placeholders, filled the one way every text of zhizao is filled (messages, the report's wording, check
 * messages): a template is split once at its placeholders and filled from the pieces — an argument not given keeps
 * its `{name}`, a value is never read again for placeholders.
 */

/** The template split at its `{name}` placeholders: text at even indexes, names at odd ones (cached by template). */
export function templatePieces(template: string): readonly string[] {
  let pieces = split.get(template);
  if (!pieces) {
    pieces = template.split(/\{(\w+)\}/);
    // templates are the messages' and the definitions' own: a bounded set, bounded here too
    if (split.size >= 10_000) split.clear();
    split.set(template, pieces);
  }
  return pieces;
}
const split = new Map<string, string[]>();

/** The names of a bilingual text's placeholders, in either language, each once (in order of first use). */
export function placeholderNames(text: { zh: string; en: string }): string[] {
  const names = new Set<string>();
  for (const t of [text.zh, text.en]) {
    const pieces = templatePieces(t);
    for (let i = 1; i < pieces.length; i += 2) names.add(pieces[i]!);
  }
  return [...names];
}

/** The template with each placeholder `value` gives a text for filled in (the others kept as written). */
export function fillTemplate(template: string, value: (name: string) => string | undefined): string {
  const pieces = templatePieces(template);
  let text = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i]!;
    text += (value(name) ?? `{${name}}`) + pieces[i + 1]!;
  }
  return text;
}

import { diag, type Diagnostic } from './diagnostics.js';
import type { Source } from './source.js';
import type { Text } from './types.js';

interface NodeDef {
  id: string;
  name: Text;
  domains?: NodeDef[];
  subdomains?: { id: string; name: Text }[];
}
export interface ModelDef {
  kind: 'model';
  id: string;
  version: string;
  title: Text;
  source?: string;
  notYetLevel1?: Text;
  levels: { level: number; name: Text; meaning: Text }[];
  factors: NodeDef[];
}
export interface SubdomainInfo {
  id: string;
  name: Text;
  factor: string;
  domain: string;
}
export interface Model {
  def: ModelDef;
  subdomains: SubdomainInfo[];
  subdomainIds: ReadonlySet<string>;
  levelName(level: number): Text;
  levelMeaning(level: number): Text;
}

export function compileModel(source: Source): { model?: Model; diagnostics: Diagnostic[] } {
  const def = source.data as ModelDef;
  const ds: Diagnostic[] = [];
  const subdomains: SubdomainInfo[] = [];
  const seen = new Set<string>();
  def.factors.forEach((f, fi) => {
    const walk = (node: NodeDef, path: (string | number)[], domain: string) => {
      node.subdomains?.forEach((s, si) => {
        if (seen.has(s.id)) ds.push(diag('def.duplicate-id', source.file, source.locate([...path, 'subdomains', si, 'id']), { id: s.id, what: 'sub-domain' }));
        seen.add(s.id);
        subdomains.push({ id: s.id, name: s.name, factor: f.id, domain });
      });
      node.domains?.forEach((d, di) => walk(d, [...path, 'domains', di], d.id));
    };
    walk(f, ['factors', fi], f.id);
  });
  const levels = def.levels.map((l) => l.level);
  if ([1, 2, 3, 4, 5].some((l, i) => levels[i] !== l)) ds.push(diag('def.bands-order', source.file, source.locate(['levels'])));
  if (ds.length) return { diagnostics: ds };
  const notYet = def.notYetLevel1 ?? { zh: '未达到一级', en: 'Not yet level 1' };
  return {
    diagnostics: ds,
    model: {
      def,
      subdomains,
      subdomainIds: seen,
      levelName: (n) => def.levels.find((l) => l.level === n)?.name ?? notYet,
      levelMeaning: (n) => def.levels.find((l) => l.level === n)?.meaning ?? notYet,
    },
  };
}

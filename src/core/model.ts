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
  /** A draft model (a standard under revision). */
  draft?: boolean;
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
/** The model's tree: capability factors (要素) → domains (能力域, possibly nested) → sub-domains (能力子域). */
export interface TreeNode {
  tier: 'factor' | 'domain' | 'subdomain';
  id: string;
  name: Text;
  children: TreeNode[];
}
export interface Model {
  def: ModelDef;
  subdomains: SubdomainInfo[];
  subdomainIds: ReadonlySet<string>;
  domainIds: ReadonlySet<string>;
  factorIds: ReadonlySet<string>;
  tree: TreeNode[];
  levelName(level: number): Text;
  levelMeaning(level: number): Text;
}

export function compileModel(source: Source): { model?: Model; diagnostics: Diagnostic[] } {
  const def = source.data as ModelDef;
  const ds: Diagnostic[] = [];
  const subdomains: SubdomainInfo[] = [];
  const seen = { subdomain: new Set<string>(), domain: new Set<string>(), factor: new Set<string>() };
  const unique = (tier: keyof typeof seen, id: string, path: (string | number)[]) => {
    if (seen[tier].has(id)) ds.push(diag('def.duplicate-id', source.file, source.locate([...path, 'id']), { id, what: tier === 'subdomain' ? 'sub-domain' : tier }));
    seen[tier].add(id);
  };
  const walk = (node: NodeDef, tier: 'factor' | 'domain', path: (string | number)[], factor: string, domain: string): TreeNode => {
    unique(tier, node.id, path);
    const children: TreeNode[] = [];
    node.domains?.forEach((d, di) => children.push(walk(d, 'domain', [...path, 'domains', di], factor, d.id)));
    node.subdomains?.forEach((s, si) => {
      unique('subdomain', s.id, [...path, 'subdomains', si]);
      subdomains.push({ id: s.id, name: s.name, factor, domain });
      children.push({ tier: 'subdomain', id: s.id, name: s.name, children: [] });
    });
    return { tier, id: node.id, name: node.name, children };
  };
  const tree = def.factors.map((f, fi) => walk(f, 'factor', ['factors', fi], f.id, f.id));
  const levels = def.levels.map((l) => l.level);
  if ([1, 2, 3, 4, 5].some((l, i) => levels[i] !== l)) ds.push(diag('def.bands-order', source.file, source.locate(['levels'])));
  if (ds.length) return { diagnostics: ds };
  const notYet = def.notYetLevel1 ?? { zh: '未达到一级', en: 'Not yet level 1' };
  return {
    diagnostics: ds,
    model: {
      def,
      subdomains,
      subdomainIds: seen.subdomain,
      domainIds: seen.domain,
      factorIds: seen.factor,
      tree,
      levelName: (n) => def.levels.find((l) => l.level === n)?.name ?? notYet,
      levelMeaning: (n) => def.levels.find((l) => l.level === n)?.meaning ?? notYet,
    },
  };
}

// The shipped recommendation rules (questionnaires/rules/default.yaml) and the sector packs that name them: they load
// without errors or warnings, every plant rule is evidence-driven (statements, raises, served priorities), cites only
// programmes and support schemes the plan offers to plants, raises only valid answers, and no shipped text cites
// internal documents. Firing behaviour is tested end to end against the engine (tests/e2e), not here.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules, type RuleDef } from '../../src/core/rules-def';
import { answersFor, model, policy, questionnaire, read, ROOT, shape, src } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const m = model();
const pol = policy();
type Scheme = (typeof pol.support)[number] & { programmes?: string[] };
const schemes = new Map(pol.support.map((s) => [s.id, s as Scheme]));
const programmes = new Map(pol.programmes.map((p) => [p.id, p]));
const ids = {
  // An array, not an iterator: the set of question ids is read more than once.
  questionIds: [...q.byId.keys()],
  subdomains: m.subdomainIds,
  sections: new Set(q.def.sections.map((s) => s.id)),
  indicators: new Set(q.indicators.map((i) => i.def.id)),
  programmes: new Set(programmes.keys()),
  support: new Set(schemes.keys()),
};
const rulesText = read('questionnaires/rules/default.yaml');
const rulesSrc = src(rulesText, 'default.yaml');
const compiled = compileRules(rulesSrc, ids);
const defs = (rulesSrc.data as { rules: RuleDef[] }).rules;
const plantRules = defs.filter((r) => r.retrofitLevel !== 'park');
const ruleIds = new Set(defs.map((r) => r.id));

const SECTOR_DIR = path.join(ROOT, 'questionnaires', 'sectors');
const packFiles = readdirSync(SECTOR_DIR).filter((f) => f.endsWith('.yaml'));
const packs = packFiles.map((f) => ({ file: f, text: read(`questionnaires/sectors/${f}`), data: src(read(`questionnaires/sectors/${f}`), f).data as Record<string, unknown> }));

const REQUIREMENT_VALUES = new Set(['full', 'mostly', 'partial', 'none']);

describe('shipped rules: loading', () => {
  it('pass the schema and every semantic check, without warnings', () => {
    expect(shape.validate('rules', rulesSrc)).toEqual([]);
    expect(compiled.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${JSON.stringify(d.args)}`)).toEqual([]);
    expect(compiled.rules!.rules.length).toBe(defs.length);
  });

  it('rule ids are unique and every prerequisite names a rule', () => {
    expect(ruleIds.size).toBe(defs.length);
    for (const r of defs) for (const p of r.prerequisites ?? []) expect(ruleIds, `${r.id} → ${p}`).toContain(p);
  });
});

describe('shipped rules: every plant rule is evidence-driven', () => {
  it.each(plantRules.map((r) => [r.id, r] as const))('%s has evidence, raises and served priorities, and no written rationale', (_id, r) => {
    expect(r.evidence?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(Object.keys(r.raises ?? {}).length).toBeGreaterThanOrEqual(1);
    expect(r.serves?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(r.rationale).toBeUndefined();
    for (const v of r.variants ?? []) if (v.evidence) expect(v.evidence.length, `${r.id}/${v.id}`).toBeGreaterThanOrEqual(1);
  });

  it('evidence statements are bilingual sentences about the plant, one per condition', () => {
    for (const r of plantRules) {
      const all = [...(r.evidence ?? []), ...(r.variants ?? []).flatMap((v) => v.evidence ?? [])];
      for (const e of all) {
        expect(e.statement.zh, `${r.id}: ${e.if}`).toMatch(/[。）]$/);
        expect(e.statement.en, `${r.id}: ${e.if}`).toMatch(/[.)]$/);
      }
      const conditions = (r.evidence ?? []).map((e) => e.if);
      expect(new Set(conditions).size, r.id).toBe(conditions.length);
    }
  });

  it('raises name answers valid for their questions (an option, full for a requirement, a number in range, true)', () => {
    for (const r of plantRules) {
      for (const [qid, value] of Object.entries(r.raises ?? {})) {
        const question = q.byId.get(qid)!;
        const where = `${r.id}.raises.${qid}`;
        if (typeof value === 'string' && value.startsWith('=')) {
          expect(['number', 'percent'], where).toContain(question.type);
          continue;
        }
        switch (question.type) {
          case 'requirement':
            expect(REQUIREMENT_VALUES, where).toContain(value);
            expect(value, `${where}: a completed project satisfies the requirement`).toBe('full');
            break;
          case 'level':
          case 'single':
            expect(question.options!.map((o) => o.value), where).toContain(value);
            break;
          case 'boolean':
            expect(value, where).toBe(true);
            break;
          case 'number':
            expect(typeof value, where).toBe('number');
            break;
          case 'percent':
            expect(typeof value, where).toBe('number');
            expect(value as number, where).toBeGreaterThan(0);
            expect(value as number, where).toBeLessThanOrEqual(1);
            break;
          default:
            throw new Error(`${where}: cannot raise a ${question.type} question`);
        }
      }
    }
  });
});

describe('shipped rules: programmes and support schemes of 郑政文〔2018〕168号', () => {
  it('every plant rule is filed under a programme the plan offers to plants (never 三(六) smart-equipment)', () => {
    for (const r of plantRules) {
      expect(r.programme, r.id).not.toBe('smart-equipment');
      expect(programmes.get(r.programme)?.userProgramme, `${r.id}: ${r.programme}`).toBe(true);
    }
  });

  it('support schemes exist, are offered to plants and apply to the rule’s programme', () => {
    for (const r of plantRules) {
      for (const s of r.support ?? []) {
        const scheme = schemes.get(s);
        expect(scheme, `${r.id}: ${s}`).toBeDefined();
        expect(scheme!.offeredTo, `${r.id}: ${s}`).toContain('plants');
        if (scheme!.programmes) expect(scheme!.programmes, `${r.id}: ${s} is not for ${r.programme}`).toContain(r.programme);
      }
    }
  });

  it('large equipment purchases under 三(一) offer finance leasing', () => {
    for (const r of plantRules.filter((x) => x.programme === 'machine-replacement' && x.investment.max >= 250)) expect(r.support, r.id).toContain('equipment-leasing');
  });
});

describe('shipped text cites public documents only', () => {
  const FORBIDDEN = [/seed/i, /domain\.md/, /product\.md/, /action 3\./i, /装置自控率和\s*APC\s*投用率/];
  const files = [{ file: 'rules/default.yaml', text: rulesText }, ...packs.map((p) => ({ file: `sectors/${p.file}`, text: p.text }))];
  it.each(files.map((f) => [f.file, f.text] as const))('%s', (_file, text) => {
    for (const re of FORBIDDEN) expect(text, String(re)).not.toMatch(re);
  });
});

describe('sector packs name existing rules', () => {
  it('the proposals file has been merged into the rules and removed', () => {
    expect(existsSync(path.join(SECTOR_DIR, '_proposed-rules.yaml'))).toBe(false);
    expect(packs.some((p) => /After wiring/i.test(p.text))).toBe(false);
  });

  it.each(packs.map((p) => [p.file, p.data] as const))('%s: never, emphasise, rules, minPlantSize and regulatory musts', (_file, data) => {
    const named: string[] = [
      ...((data.never as string[]) ?? []),
      ...Object.keys((data.neverWhy as object) ?? {}),
      ...((data.emphasise as string[]) ?? []),
      ...Object.keys((data.rules as object) ?? {}),
      ...Object.values((data.rulesByCode as Record<string, object>) ?? {}).flatMap((rules) => Object.keys(rules)),
      ...Object.keys((data.minPlantSize as object) ?? {}),
      ...((data.regulatoryMusts as { precedes?: string[]; blocks?: string[]; fulfilledBy?: string[] }[]) ?? []).flatMap((mu) => [...(mu.precedes ?? []), ...(mu.blocks ?? []), ...(mu.fulfilledBy ?? [])]),
    ];
    for (const id of named) expect(ruleIds, id).toContain(id);
    // a pack's wording of a rule names, in its items' unlessProposed and ifProposed, other rules (never the one it words)
    const wordings = [data.rules, ...Object.values((data.rulesByCode as object) ?? {})] as (Record<string, Record<string, unknown>> | undefined)[];
    for (const [rule, wording] of wordings.flatMap((rules) => Object.entries(rules ?? {})))
      for (const list of Object.values(wording))
        for (const item of Array.isArray(list) ? (list as { unlessProposed?: string[]; ifProposed?: string[] }[]) : [])
          for (const id of [...(item.unlessProposed ?? []), ...(item.ifProposed ?? [])]) {
            expect(ruleIds, `${rule}: ${id}`).toContain(id);
            expect(id, `${rule} names itself`).not.toBe(rule);
          }
    const never = new Set((data.never as string[]) ?? []);
    for (const id of (data.emphasise as string[]) ?? []) expect(never.has(id), `${id} both never and emphasised`).toBe(false);
  });
});

describe('sector packs: duties read in English in an English report', () => {
  // Public documents are cited by their number (郑政文〔2018〕168号 三(三)) in both languages; nothing else is Chinese.
  const CJK = /[\u4e00-\u9fff]/;
  const english = (en: string) => !CJK.test(en.replace(/郑政文〔2018〕168号|郑政办〔2024〕10号/g, ''));
  it.each(packs.map((p) => [p.file, p.data] as const))('%s: each duty’s text, source, check, scope and note have an English side', (_file, data) => {
    type T = { zh: string; en: string };
    for (const m of (data.regulatoryMusts as { id: string; text: T; source: string | T; check: T; appliesWhen?: T; note?: T }[]) ?? []) {
      const source = typeof m.source === 'string' ? { zh: m.source, en: m.source } : m.source;
      for (const [what, t] of Object.entries({ text: m.text, source, check: m.check, appliesWhen: m.appliesWhen, note: m.note })) {
        if (t) expect(english(t.en), `${m.id}.${what}: ${t.en}`).toBe(true);
      }
    }
  });
});

describe('fixture plants', () => {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'plants');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('there are twelve', () => expect(files.length).toBe(12));
  it.each(files)('%s is a valid answer file', (f) => {
    const r = answersFor(q, src(read(`tests/fixtures/plants/${f}`), f).data);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.answers).toBeDefined();
  });
});

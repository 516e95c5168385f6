// Shared helpers for the batch benchmarks: a seeded answer-file generator and a child-process timer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI under test; ZHIZAO_BIN measures another build (e.g. a copy of the tree before a change) with the same scripts. */
export const BIN = process.env.ZHIZAO_BIN ? path.resolve(process.env.ZHIZAO_BIN) : path.join(ROOT, 'bin', 'zhizao.js');

/** mulberry32: a small seeded PRNG, so every run generates the same files. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadQuestionnaire() {
  const { Definitions } = await import(path.join(ROOT, 'dist', 'io', 'definitions.js'));
  return new Definitions().questionnaire();
}

const REGIONS = ['中原区', '二七区', '金水区', '管城回族区', '惠济区', '郑州经开区', '郑州高新区', '航空港区'];
const SECTORS = ['C34', 'C35', 'C38', 'C26', 'C13', 'C39', 'C3511', 'C30'];

/** The regional indicators' facts: what a minimal (facts-only) file answers. */
export const MINIMAL_FACTS = ['key_processes_total', 'key_processes_cnc', 'design_tools'];

/**
 * One plausible answer file for the bundled questionnaire, as plain data.
 *  - shape 'full': a full interview — every question this plant is asked (its industry type, the conditions other
 *    answers set) is answered;
 *  - shape 'minimal': the respondent and only the facts the regional indicators need (MINIMAL_FACTS).
 */
export function answerData(q, i, rnd, shape = 'full', core) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const industry = rnd() < 0.7 ? 'discrete' : rnd() < 0.7 ? 'process' : 'mixed';
  const n = {};
  n.key_processes_total = int(4, 30);
  n.key_processes_cnc = int(0, n.key_processes_total);
  n.designers_total = int(1, 80);
  n.designers_digital = int(0, n.designers_total);
  n.equipment_total = int(10, 500);
  n.equipment_digital = int(0, n.equipment_total);
  n.equipment_networked = int(0, n.equipment_digital);
  n.robots_count = int(0, n.equipment_digital);
  n.cnc_machines_count = int(0, n.equipment_digital);
  n.cnc_machines_networked = int(0, n.cnc_machines_count);
  // Most figures inside their plausible range; about one in twenty outside it (a warning, as in real interviews).
  const range = (question, lo, hi) => {
    const p = question.plausible;
    if (!p || rnd() < 0.05) return [lo, hi];
    return [Math.max(lo, p.min ?? lo), Math.min(hi, p.max ?? hi)];
  };
  const respondent = {
    company: `郑州测试企业${String(i).padStart(6, '0')}有限公司`,
    industry,
    sector: pick(SECTORS),
    region: pick(REGIONS),
    above_designated_size: rnd() < 0.6,
    enterprise_class: pick(['A', 'B', 'C']),
    retrofit_status: { status: pick(['none', 'planned', 'in-progress', 'done']) },
    date: `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
  };
  const answers = {};
  const only = shape === 'minimal' ? new Set(MINIMAL_FACTS) : undefined;
  for (const question of q.questions) {
    if (only && !only.has(question.id)) continue;
    if (question.industries && !question.industries.includes(industry)) continue;
    let v;
    switch (question.type) {
      case 'level':
        v = question.options[Math.min(question.options.length - 1, Math.floor(rnd() * rnd() * 6))].value;
        break;
      case 'requirement':
        v = pick(['full', 'mostly', 'partial', 'none', 'none', 'unknown']);
        break;
      case 'boolean':
        v = rnd() < 0.5;
        break;
      case 'single':
        v = pick(question.options).value;
        break;
      case 'multi': {
        const opts = question.options.filter((o) => !(question.exclusive ?? []).includes(o.value));
        const chosen = opts.filter(() => rnd() < 0.35).map((o) => o.value);
        v = chosen.length ? chosen : question.exclusive?.length ? [question.exclusive[0]] : [];
        break;
      }
      case 'number': {
        const [lo, hi] = range(question, question.min ?? 0, Math.min(question.max ?? Infinity, (question.min ?? 0) + 1000));
        v = question.id in n ? n[question.id] : Math.round(lo + rnd() * (Math.min(hi, lo + 1000) - lo));
        break;
      }
      case 'percent': {
        const [lo, hi] = range(question, question.min ?? 0, question.max ?? 1);
        v = Math.round((lo + rnd() * (hi - lo)) * 1000) / 1000;
        break;
      }
      case 'text':
        v = `说明 ${i}`;
        break;
    }
    if (v !== undefined) answers[question.id] = v;
  }
  const doc = { questionnaire: q.def.id, version: q.def.version, respondent, answers };
  if (shape === 'full' && core) {
    // A full interview answers what the plant is asked: drop the answers to questions its other answers hide.
    const file = { ...doc, progress: { mode: 'full' } };
    const resolved = new Map();
    for (const question of q.questions) {
      const r = question.id in answers ? core.normaliseAnswer(question, answers[question.id]) : { status: 'unanswered', value: null };
      resolved.set(question.id, 'error' in r ? { status: 'unanswered', value: null } : r);
    }
    const visibility = core.computeVisibility(q, file, resolved);
    for (const id of Object.keys(answers)) if (visibility.get(id) !== 'visible') delete answers[id];
  }
  return doc;
}

// Plain scalars where YAML reads them back as the same string (as people write answer files), quoted otherwise.
const PLAIN = /^(?:[A-Za-z][A-Za-z0-9_-]*|\d{4}-\d\d-\d\d|[\p{Script=Han}][\p{Script=Han}A-Za-z0-9（）()]*)$/u;
const RESERVED = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|n|yes|no|on|off)$/i;
const scalar = (v) => (typeof v === 'string' ? (PLAIN.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v)) : String(v));
/** Plain YAML for an answer file (the form a consultant's files take). */
export function toYaml(doc) {
  const lines = [`questionnaire: ${doc.questionnaire}`, `version: ${JSON.stringify(doc.version)}`, 'respondent:'];
  for (const [k, v] of Object.entries(doc.respondent)) lines.push(`  ${k}: ${v && typeof v === 'object' ? `{${Object.entries(v).map(([a, b]) => `${a}: ${scalar(b)}`).join(', ')}}` : scalar(v)}`);
  lines.push('answers:');
  for (const [k, v] of Object.entries(doc.answers)) lines.push(`  ${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : scalar(v)}`);
  return lines.join('\n') + '\n';
}

/** One plausible, valid full answer file (YAML) for the bundled questionnaire (kept for the XLSX benchmark). */
export function answerFile(q, i, rnd) {
  return toYaml(answerData(q, i, rnd, 'full'));
}

export async function loadCore() {
  const [answers, values] = await Promise.all([import(path.join(ROOT, 'dist', 'core', 'answers.js')), import(path.join(ROOT, 'dist', 'core', 'answer-value.js'))]);
  return { computeVisibility: answers.computeVisibility, normaliseAnswer: values.normaliseAnswer };
}

/**
 * Write `count` answer files into dir (1,000 per sub-folder), seeded.
 * opts.shape: 'full' (default) | 'minimal'; opts.format: 'yaml' (default) | 'json' | 'mixed' (even files YAML, odd JSON).
 */
export async function generate(dir, count, seedOrOpts = 42) {
  const opts = typeof seedOrOpts === 'number' ? { seed: seedOrOpts } : seedOrOpts;
  const { seed = 42, shape = 'full', format = 'yaml' } = opts;
  const q = await loadQuestionnaire();
  const core = shape === 'full' ? await loadCore() : undefined;
  const rnd = prng(seed);
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const doc = answerData(q, i, rnd, shape, core);
    const json = format === 'json' || (format === 'mixed' && i % 2 === 1);
    const name = `plant-${String(i).padStart(6, '0')}.zhizao.${json ? 'json' : 'yaml'}`;
    writeFileSync(path.join(sub, name), json ? JSON.stringify(doc, null, 1) + '\n' : toYaml(doc));
  }
}

/** Run a command, measuring wall time and peak resident memory (GNU time -v when available). */
export function measure(cmd, args, opts = {}) {
  const useTime = spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { seconds, cpuSeconds: user + sys, maxRssMB: m ? Number(m[1]) / 1024 : null, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The fastest of `n` runs (other processes on the machine only ever slow a run down). */
export function best(n, f) {
  let b;
  for (let i = 0; i < n; i++) {
    const r = f();
    if (!b || r.seconds < b.seconds) b = r;
  }
  return b;
}

export const fmt = (x, d = 2) => (x === null || x === undefined ? 'n/a' : Number(x).toFixed(d));

/** Median of a list of numbers (the middle one, or the mean of the two middle ones). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** The machine's load average (1, 5, 15 minutes), to print next to every figure. */
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** A module of the build under test (dist/): ZHIZAO_ROOT names another tree (e.g. a copy before a change). */
export const distImport = (p) => import(path.join(process.env.ZHIZAO_ROOT ?? ROOT, 'dist', p));

/** The answer files `generate` wrote under dir (its part-* sub-folders), in name order. */
export function generatedFiles(dir) {
  const files = [];
  for (const sub of readdirSync(dir).sort()) for (const f of readdirSync(path.join(dir, sub)).sort()) files.push(path.join(dir, sub, f));
  return files;
}

/** CPU time of this process so far, in ms (all threads; time waiting for a core does not count). */
export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

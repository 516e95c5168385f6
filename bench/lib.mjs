// Shared helpers for the batch benchmarks: a seeded answer-file generator and a child-process timer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'zhizao.js');

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
const yamlString = (s) => JSON.stringify(s);

/** One plausible, valid answer file (YAML) for the bundled questionnaire. */
export function answerFile(q, i, rnd) {
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
  const lines = [
    'questionnaire: smart-manufacturing',
    'version: "1"',
    'respondent:',
    `  company: ${yamlString(`郑州测试企业${String(i).padStart(6, '0')}有限公司`)}`,
    `  industry: ${industry}`,
    `  region: ${pick(REGIONS)}`,
    `  above_designated_size: ${rnd() < 0.6}`,
    `  enterprise_class: ${pick(['A', 'B', 'C'])}`,
    `  retrofit_status: {status: ${pick(['none', 'planned', 'in-progress', 'done'])}}`,
    `  date: 2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
    'answers:',
  ];
  for (const question of q.questions) {
    if (question.industries && !question.industries.includes(industry)) continue;
    if (question.when && rnd() < 0.5) continue;
    let v;
    switch (question.type) {
      case 'level':
        v = question.options[Math.min(5, Math.floor(rnd() * rnd() * 6))].value;
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
        v = chosen.length ? `[${chosen.join(', ')}]` : question.exclusive?.length ? `[${question.exclusive[0]}]` : '[]';
        break;
      }
      case 'number':
        v = question.id in n ? n[question.id] : Math.round((question.min ?? 0) + rnd() * Math.min(1000, (question.max ?? 1000) - (question.min ?? 0)));
        break;
      case 'percent': {
        const lo = question.min ?? 0;
        const hi = question.max ?? 1;
        v = Math.round((lo + rnd() * (hi - lo)) * 1000) / 1000;
        break;
      }
      case 'text':
        v = yamlString(`说明 ${i}`);
        break;
    }
    lines.push(`  ${question.id}: ${v}`);
  }
  return lines.join('\n') + '\n';
}

/** Write `count` answer files into dir (1,000 per sub-folder), seeded. */
export async function generate(dir, count, seed = 42) {
  const q = await loadQuestionnaire();
  const rnd = prng(seed);
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `plant-${String(i).padStart(6, '0')}.zhizao.yaml`), answerFile(q, i, rnd));
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

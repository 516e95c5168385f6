// Benchmark (d) of issue #10: one 5,000-row × 150-column XLSX table scored in one run: time and peak memory.
// The workbook is written by exceljs's streaming writer: the 15 respondent columns, the 97 question columns
// of the bundled questionnaire and 38 extra survey columns the importer ignores (150 in all).
// Usage: npm run build && node bench/batch-xlsx.mjs [ROWS]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { answerFile, BIN, fmt, loadQuestionnaire, measure, prng } from './lib.mjs';

const rows = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-bench-xlsx-'));
try {
  const q = await loadQuestionnaire();
  const respondent = ['company', 'credit_code', 'site', 'industry', 'sector', 'district', 'park', 'region', 'above_designated_size', 'enterprise_class', 'retrofit_status', 'retrofit_year', 'assessor', 'interviewees', 'date'];
  const questions = q.questions.map((x) => x.id);
  const extra = Array.from({ length: 150 - respondent.length - questions.length }, (_, i) => `survey_extra_${i + 1}`);
  const header = [...respondent, ...questions, ...extra];
  const file = path.join(dir, 'survey.xlsx');
  const t0 = Date.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('答卷');
  ws.addRow(header).commit();
  const rnd = prng(11);
  for (let i = 0; i < rows; i++) {
    const doc = parse(answerFile(q, i, rnd));
    const r = doc.respondent;
    const cells = [
      r.company, '', '一厂', r.industry, 'C34', '410100', '', r.region, r.above_designated_size ? '是' : '否', r.enterprise_class, r.retrofit_status.status, '', '', '', r.date,
      ...questions.map((id) => {
        const v = doc.answers[id];
        return Array.isArray(v) ? v.join(';') : v ?? null;
      }),
      ...extra.map((_, k) => `备注${k}-${i}`),
    ];
    ws.addRow(cells).commit();
  }
  ws.commit();
  await wb.commit();
  console.log(`wrote ${rows} × ${header.length} XLSX (${fmt(statSync(file).size / 1024 / 1024, 1)} MB) in ${fmt((Date.now() - t0) / 1000, 1)} s`);
  for (const jobs of [1, 2]) {
    const r = measure(process.execPath, [BIN, 'batch', file, '-o', path.join(dir, `out-${jobs}.csv`), '--jobs', String(jobs)], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
    const scored = /scored (\d+)/.exec(r.stderr)?.[1];
    console.log(`(d) ${rows}-row × ${header.length}-column XLSX, --jobs ${jobs}: ${fmt(r.seconds, 1)} s, ${fmt(rows / r.seconds, 0)} rows/s, peak RSS ${fmt(r.maxRssMB, 0)} MB, scored ${scored} (exit ${r.status})`);
    if (r.status !== 0) console.log(r.stderr.split('\n').slice(0, 5).join('\n'));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

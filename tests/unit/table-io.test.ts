import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/core/source';
import type { Questionnaire } from '../../src/core/questionnaire';
import { Definitions } from '../../src/io/definitions';
import { expandInputs, globRegExp, kindOf } from '../../src/io/expand-inputs';
import { displayPath } from '../../src/io/paths';
import { lenientDate, lenientNumber, neutralise, plainCell } from '../../src/io/tables/cells';
import { resolveColumns, stripNumbering } from '../../src/io/tables/columns';
import { readCsvRows, type TableItem } from '../../src/io/tables/csv-read';
import { compileSurveyMap } from '../../src/io/tables/map-file';
import { DEFAULT_TABLE_LIMITS } from '../../src/io/tables/limits';
import { initSurveyMap, similarity } from '../../src/io/tables/map-init';
import { previewTables, type TablePreview } from '../../src/io/tables/preview';
import { readTableInput, type TableEvent } from '../../src/io/tables/table-input';
import { rowContext, rowSource } from '../../src/io/tables/row-source';
import { checkZip, MergeRefs, readCentralDirectory } from '../../src/io/tables/zip-guard';
import { isPercentFormat } from '../../src/io/tables/xlsx-read';
import { formatMessage } from '../../src/messages/catalogue';
import { FIXTURES, tempDir } from '../helpers/cli';
import { zipArchive } from '../fixtures/batch/helpers';

let q: Questionnaire;
beforeAll(async () => {
  q = await new Definitions().questionnaire(path.join(FIXTURES, 'definitions', 'mini.yaml'));
});

async function rows(bytes: Uint8Array): Promise<TableItem[]> {
  const out: TableItem[] = [];
  for await (const r of readCsvRows(bytes)) out.push(r);
  return out;
}

describe('CSV reader', () => {
  it('reads UTF-8 with a BOM and GB18030, and numbers rows and lines', async () => {
    const bom = await rows(readFileSync(path.join(FIXTURES, 'batch', 'tables', 'bom-utf8.csv')));
    expect(bom[0]).toMatchObject({ row: 1, line: 1 });
    expect((bom[0] as { cells: string[] }).cells[0]).toBe('questionnaire');
    const gb = await rows(readFileSync(path.join(FIXTURES, 'batch', 'tables', 'gb18030.csv')));
    expect((gb[2] as { cells: string[] }).cells[0]).toBe('戊纺织股份有限公司');
  });

  it('reports bad records with the line they start on, and loses no record silently', async () => {
    const ok = await rows(Buffer.from('a,b\n1,"x\ny"\n5,6\n'));
    expect(ok.map((x) => ('error' in x ? ['error', x.row, x.line] : [x.cells[0], x.row, x.line]))).toEqual([
      ['a', 1, 1],
      ['1', 2, 2],
      ['5', 3, 4],
    ]);
    // After a broken quote reading resumes at the next line: one row is lost (and listed), not the rest of the file.
    const r = await rows(Buffer.from('a,b\n1,"x\ny"\n3,"bad"x\n5,6\n'));
    expect(r.map((x) => ('error' in x ? ['error', x.row, x.line] : [x.cells[0], x.row, x.line]))).toEqual([
      ['a', 1, 1],
      ['1', 2, 2],
      ['error', 3, 4],
      ['5', 4, 5],
    ]);
    // a quote that is never closed swallows nothing
    const u = await rows(Buffer.from('a,b,c\n1,"open,2\n3,4,5\n6,7,8\n'));
    expect(u.map((x) => ('error' in x ? ['error', x.line, x.resumedAt] : [x.cells.join('|'), x.line]))).toEqual([
      ['a|b|c', 1],
      ['error', 2, 3],
      ['3|4|5', 3],
      ['6|7|8', 4],
    ]);
    // a quote closed lines later, leaving the row with the wrong number of cells, is a broken quote too
    const w = await rows(Buffer.from('a,b,c\n1,"open,2\n3,4,5\n6,"7",8\n9,9,9\n'));
    expect(w.filter((x) => !('error' in x)).map((x) => (x as { cells: string[] }).cells.join('|'))).toEqual(['a|b|c', '3|4|5', '6|7|8', '9|9|9']);
  });
});

describe('table rows as answer files', () => {
  const header = ['company', 'industry', 'design_tools', 'has_mes', 'retrofit_status', 'retrofit_year', 'interviewees', 'date', 'above_designated_size', 'enterprise_class', 'design_level', 'production_mode', 'key_processes_total'];
  const source = (cells: (string | number | null)[]) => {
    const cols = resolveColumns(header, q, 't.csv', 1);
    return rowSource(rowContext(q, cols.roles, 'mini'), cells, 't.csv', 7).data as { respondent: Record<string, unknown>; answers: Record<string, unknown> };
  };

  it('never splits inside a label: 、 in brackets or in a known label stays; labels match across width and spacing', () => {
    const cols = resolveColumns(['company', 'industry', 'design_tools'], q, 't.csv', 1);
    const p = parseSource('columns: {company: company, industry: industry, design_tools: design_tools}\nvalues:\n  design_tools: {"二维CAD（如AutoCAD、中望CAD）": cad2d, "三维、四维": cad3d}\n', 'm.yaml');
    if (!p.ok) throw new Error('yaml');
    const map = compileSurveyMap(p.source, q).map!;
    const ctx = rowContext(q, cols.roles, 'mini', map);
    const ans = (cell: string) => (rowSource(ctx, ['A', 'discrete', cell], 't.csv', 2).data as { answers: Record<string, unknown> }).answers.design_tools;
    expect(ans('二维CAD（如AutoCAD、中望CAD）┋三维、四维')).toEqual(['cad2d', 'cad3d']);
    expect(ans('二维ＣＡＤ（如AutoCAD、中望CAD）')).toEqual(['cad2d']);
    expect(ans('三维、四维、cad2d')).toEqual(['cad3d', 'cad2d']);
    // the questionnaire's own labels, whatever the spacing and width
    expect(ans('二维 CAD；三维CAD')).toEqual(['cad2d', 'cad3d']);
  });

  it('keeps "other" free text as a note: 其他〖…〗 and other (…)', () => {
    const cols = resolveColumns(['company', 'industry', 'design_tools'], q, 't.csv', 1);
    const ctx = rowContext(q, cols.roles, 'mini');
    const src = rowSource(ctx, ['A', 'discrete', 'cad2d┋其他〖用Excel画图〗'], 't.csv', 2);
    const data = src.data as { answers: Record<string, unknown>; notes?: Record<string, string> };
    expect(data.answers.design_tools).toEqual(['cad2d']);
    expect(data.notes?.design_tools).toBe('其他：用Excel画图');
    expect(src.cellWarnings.map((d) => [d.code, d.column])).toEqual([['table.other-as-note', 3]]);
    const only = rowSource(ctx, ['A', 'discrete', 'other (spreadsheets)'], 't.csv', 3).data as { answers: Record<string, unknown>; notes?: Record<string, string> };
    expect(only.answers.design_tools).toBeUndefined();
    expect(only.notes?.design_tools).toBe('other：spreadsheets');
  });

  it('reads lenient dates with their time of day, and refuses to guess 11/8/2026', () => {
    expect(lenientDate('2026/11/8 14:23:05')).toEqual({ date: '2026-11-08', time: '14:23:05' });
    expect(lenientDate('２０２６年１１月８日')).toEqual({ date: '2026-11-08' });
    expect(lenientDate('13/8/2026')).toEqual({ date: '2026-08-13' });
    expect(lenientDate('11/8/2026')).toEqual({ error: 'ambiguous' });
    expect(lenientDate(46334.6)).toEqual({ date: '2026-11-08', time: '14:24:00' });
    expect(lenientDate(new Date(Date.UTC(2026, 10, 8, 9, 12, 5)))).toEqual({ date: '2026-11-08', time: '09:12:05' });
    expect(lenientNumber('１２．５％')).toBe('12.5%');
    expect(lenientNumber('1,234')).toBe('1234');
    expect(lenientNumber('约20')).toBe('约20');
  });

  it('splits multiple choice on ; ； 、 ┋ and maps option labels and tokens', () => {
    for (const sep of [';', '；', '、', '┋']) expect(source(['A', 'discrete', `cad2d${sep}三维CAD`]).answers.design_tools).toEqual(['cad2d', 'cad3d']);
    expect(source(['A', 'discrete', '不清楚']).answers.design_tools).toBe('不清楚');
    expect(source(['A', 'discrete', null, null, null, null, null, null, null, null, 'PDM']).answers.design_level).toBe('pdm');
    expect(source(['A', 'discrete', null, null, null, null, null, null, null, null, null, 'Make to order']).answers.production_mode).toBe('mto');
    expect(source(['A', 'discrete', '(跳过)']).answers.design_tools).toBeUndefined();
  });

  it('builds respondent fields: retrofit columns, interviewees, dates, yes/no, class, industry labels', () => {
    const d = source(['A', '流程型', null, null, '进行中', '2026', '设计部 李工;生产部 赵经理', '2026/5/3', '是', 'b类']);
    expect(d.respondent).toEqual({
      company: 'A',
      industry: 'process',
      retrofit_status: { status: 'in-progress', year: 2026 },
      interviewees: ['设计部 李工', '生产部 赵经理'],
      date: '2026-05-03',
      above_designated_size: true,
      enterprise_class: 'B',
    });
    expect(source(['A', 'discrete', null, null, null, null, null, 46355]).respondent.date).toBe('2026-11-29');
  });

  it('locates every problem at the row and column of its cell', () => {
    const cols = resolveColumns(header, q, 't.csv', 1);
    const src = rowSource(rowContext(q, cols.roles, 'mini'), ['A', 'discrete'], 't.csv', 7);
    // a cell is named as the spreadsheet names it (M7), for messages that say where each answer is
    expect(src.locate(['answers', 'key_processes_total'])).toEqual({ line: 7, column: 13, cell: 'M7' });
    expect(src.locate(['respondent', 'retrofit_status', 'year'])).toEqual({ line: 7, column: 6, cell: 'F7' });
    expect(src.locate(['respondent', 'industry'])).toEqual({ line: 7, column: 2, cell: 'B7' });
    expect(src.locate(['notes'])).toEqual({ line: 7, column: 1 });
  });

  it('warns about unknown and duplicate columns', () => {
    const r = resolveColumns(['company', 'colour', 'company'], q, 't.csv', 1);
    expect(r.diagnostics.map((d) => [d.code, d.column])).toEqual([
      ['table.unknown-column', 2],
      ['table.duplicate-column', 3],
    ]);
  });
});

describe('survey maps', () => {
  const compile = (yaml: string) => {
    const p = parseSource(yaml, 'map.yaml');
    if (!p.ok) throw new Error('yaml');
    return compileSurveyMap(p.source, q);
  };
  it('accepts columns, option columns and label values; headers match without survey numbering', () => {
    const r = compile('columns:\n  "1、企业名称": company\n  "Q4. 工具:二维": {question: design_tools, option: cad2d}\nvalues:\n  design_tools: {都没有: none}\n  industry: {离散型制造: discrete}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.map!.values.design_tools).toEqual({ 都没有: 'none' });
    expect(stripNumbering('12、贵企业名称')).toBe('贵企业名称');
    const cols = resolveColumns(['企业名称', '工具:二维'], q, 'x.csv', 1, r.map);
    expect(cols.roles.map((c) => c.kind)).toEqual(['respondent', 'option']);
  });
  it('reports unknown targets, values and keys with their line', () => {
    const r = compile('colums: {}\ncolumns:\n  a: no_such_question\n  b: {question: has_mes, option: x}\nvalues:\n  design_tools: {二维: cad9}\n');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['schema.unknown-key', 1],
      ['map.unknown-target', 3],
      ['map.not-option', 4],
      ['map.unknown-value', 6],
    ]);
  });
  it('per-column separators, units, scales and blanks; clear errors for an empty value and a bad unit', () => {
    const ok = compile('columns:\n  工具: {question: design_tools, separator: "┋"}\n  关键工序（%）: {question: key_processes_total, scale: 2}\n  园区: {field: park, blank: [无]}\nvalues:\n  park: {经开区: 郑州经开区}\n');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.map!.columns.map((c) => [c.target, c.opts])).toEqual([
      ['design_tools', { separator: '┋' }],
      ['key_processes_total', { scale: 2 }],
      ['park', { blank: ['无'] }],
    ]);
    const bad = compile('columns:\n  园区: park\n  x: {question: has_mes, unit: percent}\nvalues:\n  park: {无: ""}\n  colour: {a: b}\n');
    expect(bad.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['map.unit-not-number', 3],
      ['map.empty-value', 5],
      ['map.values-unknown-field', 6],
    ]);
    expect(formatMessage(bad.diagnostics[1]!.code, bad.diagnostics[1]!.args, 'en')).toMatch(/list it under blank:/);
  });
  it('a mapped header missing from the export is an error; unmapped columns are listed', () => {
    const r = compile('columns:\n  企业名称: company\n  关键工序数: key_processes_total\n  序号: ignore\n');
    const cols = resolveColumns(['企业名称', '关键工序数量', '提交时间'], q, 'x.csv', 1, r.map);
    expect(cols.diagnostics.map((d) => [d.code, d.severity, d.args.header])).toEqual([
      ['map.header-missing', 'error', '关键工序数'],
      ['map.header-missing', 'warning', '序号'],
    ]);
    expect(cols.unmapped.map((u) => u.header)).toEqual(['关键工序数量', '提交时间']);
  });
});

describe('the header row: a run and a dry run find the same one', () => {
  const dir = tempDir('zhizao-header-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const csv = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    writeFileSync(f, lines.join('\n') + '\n');
    return f;
  };
  const titles = (n: number) => Array.from({ length: n }, (_, i) => `Survey of ${i + 1},,`);
  const header = 'company,industry,designers_total';
  /** What a real run reads (readTableInput) and what --dry-run shows (previewTable), side by side. */
  async function both(file: string) {
    const events: TableEvent[] = [];
    for await (const e of readTableInput(file, 't.csv', 'csv', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS })) events.push(e);
    const rejected = events.flatMap((e) => (e.type === 'reject' ? e.diagnostics.map((d) => d.code) : []));
    const run = { rows: events.filter((e) => e.type === 'row').map((e) => (e as { line: number }).line), rejected };
    const tables = await previewTables(file, 't.csv', 'csv', q, DEFAULT_TABLE_LIMITS);
    expect(tables).toHaveLength(1);
    const p = tables[0]!.preview;
    const dry = 'roles' in p ? { headerLine: p.headerLine, rows: p.rows } : { problems: p.diagnostics.map((d) => d.code) };
    return { run, dry };
  }

  it('rows of the layout hold no company: one numbered in advance (序号 only), one text across the table', async () => {
    const r = await both(csv('layout.csv', ['序号,company,industry,designers_total', '1,甲,discrete,10', '2,以下为补报企业,以下为补报企业,以下为补报企业', '3,乙,process,4', '4,,,', '5,,,']));
    expect(r.run).toEqual({ rows: [2, 4], rejected: [] });
    expect(r.dry).toEqual({ headerLine: 1, rows: 2 });
    const events: TableEvent[] = [];
    for await (const e of readTableInput(path.join(dir, 'layout.csv'), 't.csv', 'csv', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS })) events.push(e);
    const warned = events.flatMap((e) => (e.type === 'warning' ? e.diagnostics : [])).filter((d) => d.code === 'table.divider-row');
    expect(warned.map((d) => [d.line, d.args])).toEqual([[3, { row: 3, text: '以下为补报企业' }]]);
  });

  it('two exports pasted one under the other: the second header row is passed over and said so, not rejected as a company named "company"', async () => {
    const r = await both(csv('pasted.csv', ['company,industry,designers_total', '甲,discrete,10', '乙,process,4', 'company,industry,designers_total', '丙,discrete,3']));
    expect(r.run).toEqual({ rows: [2, 3, 5], rejected: [] });
    expect(r.dry).toEqual({ headerLine: 1, rows: 3 });
    const events: TableEvent[] = [];
    for await (const e of readTableInput(path.join(dir, 'pasted.csv'), 't.csv', 'csv', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS })) events.push(e);
    expect(events.flatMap((e) => (e.type === 'warning' ? e.diagnostics : [])).map((d) => [d.code, d.line])).toEqual([['table.header-again', 4]]);
    // a company row that repeats only some of the header's texts is a company
    const partly = await both(csv('partly.csv', ['company,industry,designers_total', 'company,discrete,3']));
    expect(partly.run.rows).toEqual([2]);
  });

  it('a row adding up the others (合计, 小 计, Total) is no company: passed over and said so, also when its industry is filled in (it was scored, its sums as one company\'s figures)', async () => {
    const r = await both(csv('totals.csv', ['company,industry,designers_total', '甲,discrete,10', '乙,process,4', '小 计,discrete,14', '丙,discrete,3', '合计,,17', 'Total,discrete,17', '合计有限公司,discrete,2']));
    expect(r.run).toEqual({ rows: [2, 3, 5, 8], rejected: [] });
    expect(r.dry).toEqual({ headerLine: 1, rows: 4 });
    const events: TableEvent[] = [];
    for await (const e of readTableInput(path.join(dir, 'totals.csv'), 't.csv', 'csv', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS })) events.push(e);
    expect(events.flatMap((e) => (e.type === 'warning' ? e.diagnostics : [])).map((d) => [d.code, d.line, d.args?.text])).toEqual([
      ['table.total-row', 4, '小 计'],
      ['table.total-row', 6, '合计'],
      ['table.total-row', 7, 'Total'],
    ]);
  });

  it('notes under the table (注：…, 填表人：…) are no companies; a company whose name only begins with such a word is one', async () => {
    const r = await both(csv('notes.csv', ['company,industry,designers_total', '甲,discrete,10', '注：数据截至 2025 年底,,', '填表人: 张三,,', '注塑科技有限公司,discrete,3', '说明：,discrete,2']));
    // (a note's text alone in the company column; a row with more filled in is a company's, rejected or not as such)
    expect(r.run).toEqual({ rows: [2, 5, 6], rejected: [] });
    expect(r.dry).toEqual({ headerLine: 1, rows: 3 });
  });

  it('a total after a district\'s name or before a count, or in the 序号 column beside no company, and a sign-off row over several columns, are no companies (an analyst\'s review)', async () => {
    const r = await both(csv('totals2.csv', ['序号,company,industry,designers_total', '1,甲,discrete,10', ',金水区小计,discrete,10', '2,乙,process,4', ',合计（6家）,,14', '合计,,,14', '3,金水区合计机械厂,discrete,2', ',填表人：王五,审核人：赵六,填报日期：2026-11-30']));
    expect(r.run).toEqual({ rows: [2, 4, 7], rejected: [] });
    expect(r.dry).toEqual({ headerLine: 1, rows: 3 });
  });

  it('title rows above the header are skipped, up to 19 of them; comment and empty rows under it hold no company', async () => {
    const r = await both(csv('titles.csv', [...titles(19), header, '# a note,,', ',,', '甲,discrete,10']));
    expect(r.run).toEqual({ rows: [23], rejected: [] });
    expect(r.dry).toEqual({ headerLine: 20, rows: 1 });
  });

  it('no column named in the first 20 rows and no --map: both say a map is needed', async () => {
    const r = await both(csv('survey.csv', [...titles(20), header, '甲,discrete,10']));
    expect(r.run).toEqual({ rows: [], rejected: ['table.needs-map'] });
    expect(r.dry).toEqual({ problems: ['table.needs-map'] });
    const short = await both(csv('short.csv', titles(3)));
    expect(short.run.rejected).toEqual(['table.needs-map']);
    expect(short.dry).toEqual({ problems: ['table.needs-map'] });
  });

  it('a table with nothing in it has no header', async () => {
    const r = await both(csv('empty.csv', [',,', '']));
    expect(r.run).toEqual({ rows: [], rejected: ['table.empty'] });
    expect(r.dry).toEqual({ problems: ['table.empty'] });
  });
});

describe('a workbook row merged across the table (a divider whose text stands in its first cell only)', () => {
  const dir = tempDir('zhizao-merged-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  async function workbook(name: string, rows: (string | number)[][], merges: string[]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    for (const row of rows) ws.addRow(row);
    for (const m of merges) ws.mergeCells(m);
    const f = path.join(dir, name);
    await wb.xlsx.writeFile(f);
    return f;
  }
  async function both(file: string) {
    const events: TableEvent[] = [];
    for await (const e of readTableInput(file, 'w.xlsx', 'xlsx', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS })) events.push(e);
    const dividers = events.flatMap((e) => (e.type === 'warning' ? e.diagnostics : [])).filter((d) => d.code === 'table.divider-row').map((d) => [d.line, d.args?.text]);
    const tables = await previewTables(file, 'w.xlsx', 'xlsx', q, DEFAULT_TABLE_LIMITS);
    const p = tables[0]!.preview;
    return {
      rows: events.filter((e) => e.type === 'row').map((e) => (e as { row: number }).row),
      rejected: events.filter((e) => e.type === 'reject').length,
      dividers,
      dry: 'roles' in p ? { rows: p.rows, dividers: p.diagnostics.filter((d) => d.code === 'table.divider-row').map((d) => d.line) } : undefined,
    };
  }

  it('the company column first: the merged text is not a company to reject (it was: 以下为补报企业 with no industry)', async () => {
    const f = await workbook('company-first.xlsx', [['company', 'industry', 'designers_total', '序号'], ['甲', 'discrete', 10, 1], ['以下为补报企业'], ['乙', 'process', 4, 2]], ['A3:D3']);
    expect(await both(f)).toEqual({ rows: [2, 4], rejected: 0, dividers: [[3, '以下为补报企业']], dry: { rows: 2, dividers: [3] } });
  });

  it('a district heading merged from the number column: said to be a divider, as the same row written out in a CSV is', async () => {
    const f = await workbook('districts.xlsx', [['序号', 'company', 'industry', 'designers_total'], ['一、郑州市'], [1, '甲', 'discrete', 10], ['二、开封市'], [2, '乙', 'process', 4]], ['A2:D2', 'A4:D4']);
    expect(await both(f)).toEqual({ rows: [3, 5], rejected: 0, dividers: [[2, '一、郑州市'], [4, '二、开封市']], dry: { rows: 2, dividers: [2, 4] } });
  });

  it('a company whose name is merged over two cells is still a company (a merge over fewer than three columns read)', async () => {
    const f = await workbook('name-merged.xlsx', [['company', '', 'industry', 'designers_total'], ['甲公司', '', 'discrete', 10], ['乙公司'], ['丙', '', 'process', 4]], ['A2:B2', 'A3:B3']);
    const r = await both(f);
    // the name alone, merged over two cells: a company's row (its missing industry is said when it is scored)
    expect(r.rows).toEqual([2, 3, 4]);
    expect(r.dividers).toEqual([]);
  });

  it('the merged ranges are found wherever the inflated chunks split their tags', () => {
    const xml = Buffer.from('<worksheet><sheetData><row r="1"/></sheetData><mergeCells count="3"><mergeCell ref="A3:D3"/><mergeCell ref="B10:AA10"/><mergeCell ref="C2:C9"/></mergeCells></worksheet>');
    for (let cut1 = 1; cut1 < xml.length; cut1 += 3)
      for (const size of [1, 7, 40]) {
        const scan = new MergeRefs();
        scan.scan(xml.subarray(0, cut1));
        for (let i = cut1; i < xml.length; i += size) scan.scan(xml.subarray(i, Math.min(xml.length, i + size)));
        expect(scan.refs).toEqual(['A3:D3', 'B10:AA10', 'C2:C9']);
      }
  });
});

describe('a workbook of several sheets: every sheet with a header is read', () => {
  const dir = tempDir('zhizao-sheets-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  async function workbook(name: string, sheets: [string, (string | number)[][]][]) {
    const wb = new ExcelJS.Workbook();
    for (const [sheet, rows] of sheets) {
      const ws = wb.addWorksheet(sheet);
      for (const row of rows) ws.addRow(row);
    }
    const f = path.join(dir, name);
    await wb.xlsx.writeFile(f);
    return f;
  }
  const read = async (file: string) => {
    const events: TableEvent[] = [];
    for await (const e of readTableInput(file, 'w.xlsx', 'xlsx', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS })) events.push(e);
    return events;
  };

  it('one sheet per district, an instructions sheet first: the rows of the districts named FILE[SHEET], the instructions skipped and said so', async () => {
    const header = ['company', 'industry', 'designers_total'];
    const f = await workbook('districts.xlsx', [
      ['填报说明', [['请每个区县填一张表'], ['数字请只填数字']]],
      ['经开区', [header, ['甲', 'discrete', 10], ['乙', 'process', 4]]],
      ['高新区', [header, ['丙', 'discrete', 7]]],
    ]);
    const events = await read(f);
    expect(events.filter((e) => e.type === 'row').map((e) => [(e as { file: string }).file, (e as { row: number }).row])).toEqual([
      ['w.xlsx[经开区]', 2],
      ['w.xlsx[经开区]', 3],
      ['w.xlsx[高新区]', 2],
    ]);
    expect(events.filter((e) => e.type === 'reject')).toEqual([]);
    const skipped = events.flatMap((e) => (e.type === 'warning' ? e.diagnostics : [])).filter((d) => d.code === 'table.sheet-skipped');
    expect(skipped.map((d) => d.args)).toEqual([{ sheet: '填报说明', read: '经开区、高新区' }]);
    // the dry run: the same tables, the instructions sheet a warning (a real run reads the others)
    const tables = await previewTables(f, 'w.xlsx', 'xlsx', q, DEFAULT_TABLE_LIMITS);
    expect(tables.map((t) => [t.file, 'roles' in t.preview ? t.preview.rows : t.preview.diagnostics.map((d) => `${d.severity} ${d.code}`)])).toEqual([
      ['w.xlsx[填报说明]', ['warning table.sheet-skipped']],
      ['w.xlsx[经开区]', 2],
      ['w.xlsx[高新区]', 1],
    ]);
  });

  it('a district sheet whose header lacks the company column is rejected, never passed over as a notes sheet; one with its header and no rows yet is a warning', async () => {
    const f = await workbook('broken.xlsx', [
      ['东区', [['company', 'industry', 'designers_total'], ['甲', 'discrete', 10]]],
      ['西区', [['企业全称', 'industry', 'designers_total'], ['丙', 'discrete', 3], ['丁', 'process', 4]]],
      ['北区', [['company', 'industry', 'designers_total']]],
    ]);
    const events = await read(f);
    expect(events.flatMap((e) => (e.type === 'reject' ? e.diagnostics.map((d) => [d.file, d.code]) : []))).toEqual([['w.xlsx[西区]', 'table.no-company-column']]);
    const warned = events.flatMap((e) => (e.type === 'warning' ? e.diagnostics.map((d) => [d.file, d.code]) : []));
    expect(warned).toContainEqual(['w.xlsx[北区]', 'table.sheet-no-rows']);
    expect(warned.map(([, code]) => code)).not.toContain('table.sheet-skipped');
    // the dry run: the same verdicts (the west sheet an error, the north sheet no rows)
    const tables = await previewTables(f, 'w.xlsx', 'xlsx', q, DEFAULT_TABLE_LIMITS);
    expect(tables.map((t) => [t.file, 'roles' in t.preview ? t.preview.rows : null, t.preview.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)])).toEqual([
      ['w.xlsx[东区]', 1, []],
      ['w.xlsx[西区]', 2, ['table.no-company-column']],
      ['w.xlsx[北区]', 0, []],
    ]);
  });

  it('--max-rows bounds the rows of all the sheets together: the first row past it is rejected once, saying the rows before it were scored, and no sheet after it is read; --dry-run says the same', async () => {
    const header = ['company', 'industry', 'designers_total'];
    const f = await workbook('bounded.xlsx', [
      ['经开区', [header, ['甲', 'discrete', 10], ['乙', 'process', 4], ['丙', 'discrete', 3]]],
      ['高新区', [header, ['丁', 'discrete', 7], ['戊', 'process', 2]]],
      ['航空港', [header, ['己', 'discrete', 1]]],
    ]);
    const limits = { ...DEFAULT_TABLE_LIMITS, maxRows: 4 };
    const events: TableEvent[] = [];
    for await (const e of readTableInput(f, 'w.xlsx', 'xlsx', { q, defaultQuestionnaire: q.def.id, limits })) events.push(e);
    expect(events.filter((e) => e.type === 'row').map((e) => [(e as { file: string }).file, (e as { row: number }).row])).toEqual([
      ['w.xlsx[经开区]', 2],
      ['w.xlsx[经开区]', 3],
      ['w.xlsx[经开区]', 4],
      ['w.xlsx[高新区]', 2],
    ]);
    const rejected = events.flatMap((e) => (e.type === 'reject' ? e.diagnostics.map((d) => [d.file, d.line, d.code]) : []));
    expect(rejected).toEqual([['w.xlsx[高新区]', 3, 'table.too-many-rows']]);
    expect(JSON.stringify(events)).not.toContain('航空港');
    const tables = await previewTables(f, 'w.xlsx', 'xlsx', q, limits);
    expect(tables.map((t) => t.file)).toEqual(['w.xlsx[经开区]', 'w.xlsx[高新区]']);
    const second = tables[1]!.preview as TablePreview;
    expect(second.rows).toBe(1);
    expect(second.diagnostics.map((d) => [d.line, d.code, d.args])).toEqual([[3, 'table.too-many-rows-preview', { limit: 4, row: 3 }]]);
  });

  it('under --anonymize a sheet is named by a pseudonym (a district workbook often names a sheet after a company)', async () => {
    const f = await workbook('named.xlsx', [
      ['说明', [['请填写']]],
      ['华光精密机械有限公司', [['company', 'industry', 'designers_total'], ['华光精密机械有限公司', 'discrete', 10]]],
    ]);
    const events: TableEvent[] = [];
    for await (const e of readTableInput(f, 'w.xlsx', 'xlsx', { q, defaultQuestionnaire: q.def.id, limits: DEFAULT_TABLE_LIMITS, sheetName: (s) => `S-${s.length}` })) events.push(e);
    expect(events.filter((e) => e.type === 'row').map((e) => (e as { file: string }).file)).toEqual(['w.xlsx[S-10]']);
    expect(JSON.stringify(events.filter((e) => e.type !== 'row'))).not.toContain('华光');
  });

  it('no sheet has a header: the problem of the first sheet is that of the workbook, as with one sheet', async () => {
    const f = await workbook('notes.xlsx', [
      ['说明', [['只是说明']]],
      ['备注', [['也只是备注']]],
    ]);
    const events = await read(f);
    expect(events.flatMap((e) => (e.type === 'reject' ? e.diagnostics.map((d) => [d.file, d.code]) : []))).toEqual([['w.xlsx[说明]', 'table.needs-map']]);
    expect(events.filter((e) => e.type === 'row')).toEqual([]);
  });
});

describe('a number shown as a percentage is read as shown', () => {
  const dir = tempDir('zhizao-pct-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The workbook's parts stored again in `order` (Excel stores xl/styles.xml after the sheets; exceljs before). */
  function reorder(buf: Buffer, first: (name: string) => number): Buffer {
    const cd = readCentralDirectory(buf);
    if (!cd.ok) throw new Error('zip');
    const parts = cd.entries.map((e) => {
      const nameLen = buf.readUInt16LE(e.localOffset + 26);
      const extra = buf.readUInt16LE(e.localOffset + 28);
      const raw = buf.subarray(e.localOffset + 30 + nameLen + extra, e.localOffset + 30 + nameLen + extra + e.compressedSize);
      const data = e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      return { name: e.name, data, method: 0 as const, size: data.length, crc: crc32(data) };
    });
    return zipArchive(parts.sort((a, b) => first(a.name) - first(b.name)));
  }

  it('0.85 in a cell formatted 0.00% is 0.85 %, in a column in percent or not, wherever the workbook stores its styles', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['company', 'industry', '不良率']);
    ws.addRow(['甲', 'discrete', 0.0085]).getCell(3).numFmt = '0.00%';
    ws.addRow(['乙', 'discrete', 2]);
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    const mapOf = (column: string) => {
      const parsed = parseSource(`columns:\n  company: company\n  industry: industry\n  不良率: ${column}\n`, 'm.yaml');
      if (!parsed.ok) throw new Error('map');
      return compileSurveyMap(parsed.source, q).map!;
    };
    for (const [name, buf] of [['exceljs.xlsx', written], ['excel-order.xlsx', reorder(written, (n) => (n === 'xl/styles.xml' ? 1 : 0))]] as const) {
      const f = path.join(dir, name);
      writeFileSync(f, buf);
      for (const [column, second] of [['{question: defect_rate, unit: percent}', 0.02], ['defect_rate', 2]] as const) {
        const read: unknown[] = [];
        for await (const e of readTableInput(f, name, 'xlsx', { q, defaultQuestionnaire: q.def.id, map: mapOf(column), limits: DEFAULT_TABLE_LIMITS })) {
          if (e.type === 'row') read.push((e.source.data as { answers: Record<string, unknown> }).answers.defect_rate);
        }
        expect(read, `${name}, ${column}`).toEqual(['0.85%', second]);
      }
    }
    expect([isPercentFormat('0%'), isPercentFormat('0.00%'), isPercentFormat('0.0"%"'), isPercentFormat('0\\%'), isPercentFormat('0.00'), isPercentFormat(undefined)]).toEqual([true, true, false, false, false, false]);
  });
});

describe('a bare figure under 1 in a column in percent', () => {
  const dir = tempDir('zhizao-pct1-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('is kept as written (0.6 → 0.6 %) and said when 60 % would be plausible and 0.6 % is not; 2, 0 and "0.6%" are not said, nor a plausible 0.8 % defect rate', async () => {
    const bundled = await new Definitions().questionnaire();
    const f = path.join(dir, 't.csv');
    writeFileSync(f, 'company,industry,MES覆盖率（%）,不良品率（%）\n甲,discrete,0.6,0.8\n乙,discrete,2,\n丙,discrete,0,\n丁,discrete,0.6%,\n');
    const parsed = parseSource('columns:\n  company: company\n  industry: industry\n  MES覆盖率（%）: mes_coverage\n  不良品率（%）: kpi_defect_rate\n', 'm.yaml');
    if (!parsed.ok) throw new Error('map');
    const map = compileSurveyMap(parsed.source, bundled).map!;
    const said: unknown[] = [];
    const read: unknown[] = [];
    for await (const e of readTableInput(f, 't.csv', 'csv', { q: bundled, defaultQuestionnaire: bundled.def.id, map, limits: DEFAULT_TABLE_LIMITS })) {
      if (e.type !== 'row') continue;
      const answers = (e.source.data as { answers: Record<string, unknown> }).answers;
      read.push([answers.mes_coverage, answers.kpi_defect_rate]);
      said.push(...(e.source as { cellWarnings: { code: string; args: unknown }[] }).cellWarnings.filter((w) => w.code === 'table.percent-under-one').map((w) => w.args));
    }
    expect(read).toEqual([[0.006, 0.008], [0.02, undefined], [0, undefined], ['0.6%', undefined]]);
    expect(said).toEqual([{ header: 'MES覆盖率（%）', value: '0.6', read: '0.6%', meant: '60' }]);
  });
});

describe('units and map init', () => {
  it('reads a column in percent, permille or scaled, and "2.9%" in a percent column once', () => {
    const p = parseSource('columns:\n  企业: company\n  行业: industry\n  不良率（%）: defect_rate\n  不良率‰: {question: defect_rate, unit: permille}\n  工序（十道）: {question: key_processes_total, scale: 10}\n', 'm.yaml');
    if (!p.ok) throw new Error('yaml');
    const map = compileSurveyMap(p.source, q).map!;
    const answers = (header: string, cell: string | number) => {
      const cols = resolveColumns(['企业', '行业', header], q, 't.csv', 1, map);
      return (rowSource(rowContext(q, cols.roles, 'mini', map), ['A', 'discrete', cell], 't.csv', 2).data as { answers: Record<string, unknown> }).answers;
    };
    // a % in the header of a percent question: read in percent even without `unit:`
    expect(answers('不良率（%）', '2.9').defect_rate).toBe(0.029);
    expect(answers('不良率（%）', 0.8).defect_rate).toBe(0.008);
    expect(answers('不良率（%）', '2.9%').defect_rate).toBe('2.9%');
    expect(answers('不良率‰', '15').defect_rate).toBe(0.015);
    expect(answers('工序（十道）', '１.２').key_processes_total).toBe(12);
  });

  it('map init: fields by their words, questions by text similarity (marked), one column per option, labels', () => {
    const header = ['序号', '提交答卷时间', '1、公司名称', '2、是否规模以上企业', '3、贵公司设计工具有哪些？', '4、设计工具:三维CAD', '5、关键工序数量', '6、完全无关的一列'];
    const rows = [[1, '2026/11/8 9:00', '甲', '是', '二维CAD（AutoCAD、中望）┋三维CAD', '1', '8', 'x']];
    const text = initSurveyMap(q, 'e.csv', header, 1, rows, 'en', 'npx zhizao');
    // the check it asks for, with the command that runs zhizao where the user is
    expect(text).toContain('# Check with: npx zhizao batch e.csv --map THIS-FILE --dry-run\n');
    expect(initSurveyMap(q, 'e.csv', header, 1, rows, 'zh', 'node /opt/zhizao/bin/zhizao.js')).toContain('# 核对方法：node /opt/zhizao/bin/zhizao.js batch e.csv --map 本文件 --dry-run\n');
    expect(text).toContain('"序号": ignore');
    expect(text).toContain('"提交答卷时间": date');
    expect(text).toContain('"1、公司名称": company');
    expect(text).toContain('"2、是否规模以上企业": above_designated_size');
    expect(text).toMatch(/"3、贵公司设计工具有哪些？": \{question: design_tools, separator: "┋"\}\s+# guess/);
    expect(text).toMatch(/"4、设计工具:三维CAD": \{question: design_tools, option: cad3d\}/);
    expect(text).toMatch(/# "6、完全无关的一列": ignore\s+# \? no field or question matched/);
    expect(text).toContain('"二维CAD（AutoCAD、中望）": cad2d');
    // what it writes is a valid map
    const p = parseSource(text, 'm.yaml');
    expect(p.ok && compileSurveyMap(p.source, q).diagnostics).toEqual([]);
    expect(similarity('主要产品的关键工序共有多少道？', '9、主要产品的关键工序共有多少道？')).toBeGreaterThan(0.9);
  });

  it('map init reads the cells: a column of figures is a number question, never a free-text one; 、 as separator when its parts are options; (跳过) and 不清楚 are no labels to map', async () => {
    const bundled = await new Definitions().questionnaire();
    const header = ['企业名称', '行业类型', '关键工序总数', '是否上云', '数字化研发设计工具'];
    const rows = [
      ['甲', '离散型', 10, '是', '二维CAD、三维CAD'],
      ['乙', '离散型', '１２', '否', '(跳过)'],
      ['丙', '流程型', '不清楚', '不清楚', '不清楚'],
      ['以下为补报企业', '以下为补报企业', '以下为补报企业', '以下为补报企业', '以下为补报企业'],
      ['丁', '离散型', 8, '是', '三维CAD'],
    ];
    const text = initSurveyMap(bundled, 'e.csv', header, 1, rows, 'en', 'zhizao');
    // before: "关键工序总数" was guessed to be the free-text key-process list (its words are closer)
    expect(text).toMatch(/"关键工序总数": key_processes_total\s+# guess/);
    expect(text).toMatch(/"是否上云": uses_cloud\s+# guess/);
    expect(text).toContain('"数字化研发设计工具": {question: design_tools, separator: "、"}');
    expect(text).not.toMatch(/"\(跳过\)":|"不清楚":/);
    const p = parseSource(text, 'm.yaml');
    expect(p.ok && compileSurveyMap(p.source, bundled).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('zip guard', () => {
  const entry = (name: string, text: string) => {
    const data = Buffer.from(text);
    return { name, data: deflateRawSync(data), method: 8 as const, size: data.length, crc: crc32(data) };
  };
  it('accepts an honest archive and returns the entries asked for', async () => {
    const zip = zipArchive([entry('xl/workbook.xml', '<workbook/>'), entry('xl/worksheets/sheet1.xml', 'x'.repeat(5000))]);
    const r = await checkZip(zip, undefined, new Set(['xl/workbook.xml']));
    expect(r.ok && r.texts.get('xl/workbook.xml')).toBe('<workbook/>');
  });
  it('refuses declared sizes above the cap without inflating anything', async () => {
    const zip = zipArchive([{ name: 'big.xml', data: Buffer.from('not even deflate'), method: 8, size: 3_000_000_000 }]);
    const t0 = Date.now();
    const r = await checkZip(zip);
    expect(r).toMatchObject({ ok: false, code: 'xlsx.zip-bomb' });
    expect(Date.now() - t0).toBeLessThan(100);
  });
  it('refuses an entry that inflates beyond the size it declares (fake sizes)', async () => {
    const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const r = await checkZip(zipArchive([{ name: 'sheet.xml', data: zeros, method: 8, size: 100 }]));
    expect(r).toMatchObject({ ok: false, code: 'xlsx.zip-bomb' });
  });
  it('refuses extreme ratios, too many entries, encrypted and non-ZIP files', async () => {
    const zeros = deflateRawSync(Buffer.alloc(20 * 1024 * 1024), { level: 9 });
    expect(await checkZip(zipArchive([{ name: 's.xml', data: zeros, method: 8, size: 20 * 1024 * 1024 }]))).toMatchObject({ ok: false, code: 'xlsx.zip-bomb' });
    const many = zipArchive(Array.from({ length: 20 }, (_, i) => entry(`e${i}`, 'a')));
    expect(await checkZip(many, { maxUncompressed: 1e9, maxEntries: 10, maxRatio: 1000 })).toMatchObject({ ok: false, code: 'xlsx.zip-bomb' });
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100)]);
    expect(readCentralDirectory(cfb)).toMatchObject({ ok: false, code: 'xlsx.encrypted' });
    expect(await checkZip(Buffer.from('hello, world, this is not a zip file'))).toMatchObject({ ok: false, code: 'xlsx.not-zip' });
  });
});

describe('cells', () => {
  it('neutralises formula prefixes and flattens exceljs values', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('1-1')).toBe('1-1');
    expect(plainCell({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(plainCell({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(plainCell({ text: 'link', hyperlink: 'http://x' })).toBe('link');
    expect(plainCell({ error: '#N/A' })).toBeNull();
  });
});

describe('input expansion', () => {
  it('lists - (standard input) once, as an answer file shown as <stdin>, in its place', async () => {
    const d = tempDir('zhizao-expand-stdin-');
    writeFileSync(path.join(d, 'a.yaml'), '');
    expect([...(await expandInputs([path.join(d, 'a.yaml'), '-', '-']))].map((x) => [x.path === '-' ? '-' : path.basename(x.path), x.shown.replace(/^.*\//, ''), x.kind])).toEqual([
      ['a.yaml', 'a.yaml', 'answer'],
      ['-', '<stdin>', 'answer'],
    ]);
  });

  it('knows spreadsheets and office documents it cannot read by name, in any case; other files stay unsupported', () => {
    expect(['a.ODS', 'b.fods', 'c.numbers', 'd.xlsb', 'e.xlsm', 'f.tsv'].map(kindOf)).toEqual(Array(6).fill('other-spreadsheet'));
    expect(['a.xls', 'b.ET'].map(kindOf)).toEqual(['binary-spreadsheet', 'binary-spreadsheet']);
    expect(['a.docx', 'b.doc', 'c.wps', 'd.pdf', 'e.pptx', 'f.odt', 'g.rtf', 'h.pages'].map(kindOf)).toEqual(Array(8).fill('document'));
    expect(['a.txt', 'b.md', 'c.zip', 'd.png', 'noext'].map(kindOf)).toEqual(Array(5).fill('unsupported'));
  });

  it('expands folders recursively and globs (* ** ?) in name order, once per file', async () => {
    const d = tempDir('zhizao-expand-');
    for (const f of ['a/1.yaml', 'a/b/2.json', 'a/b/c/3.csv', 'a/skip.txt', 'a/.hidden.yaml', 'a/~$lock.xlsx', 'a/old.xls', 'z.yml']) {
      mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
      writeFileSync(path.join(d, f), '');
    }
    const rel = (xs: Iterable<{ path: string; kind: string }>) => [...xs].map((x) => [path.relative(d, x.path).split(path.sep).join('/'), x.kind]);
    expect(rel(await expandInputs([path.join(d, 'a')]))).toEqual([
      ['a/1.yaml', 'answer'],
      ['a/b/2.json', 'answer'],
      ['a/b/c/3.csv', 'csv'],
      ['a/old.xls', 'binary-spreadsheet'],
    ]);
    const fwd = d.split(path.sep).join('/');
    expect(rel(await expandInputs([`${fwd}/a/*.yaml`, `${fwd}/a/**/*.json`, `${fwd}/?.yml`, `${fwd}/a/1.yaml`]))).toEqual([
      ['a/1.yaml', 'answer'],
      ['a/b/2.json', 'answer'],
      ['z.yml', 'answer'],
    ]);
    const noMatch = await expandInputs([`${fwd}/nothing/*.yaml`]);
    expect([...noMatch]).toEqual([{ path: `${fwd}/nothing/*.yaml`, shown: `${fwd}/nothing/*.yaml`, kind: 'no-match' }]);
    const missing = await expandInputs([path.join(d, 'missing.yaml')]);
    expect([...missing]).toEqual([{ path: path.join(d, 'missing.yaml'), shown: displayPath(path.join(d, 'missing.yaml')), kind: 'missing' }]);
    expect([...(await expandInputs([path.join(d, 'z.yml')], new Set([path.join(d, 'z.yml')])))]).toEqual([]);
    // the same file named twice (a folder and the file in it) is listed once
    expect(rel(await expandInputs([path.join(d, 'a', 'b'), path.join(d, 'a', 'b', '2.json')]))).toEqual([
      ['a/b/2.json', 'answer'],
      ['a/b/c/3.csv', 'csv'],
    ]);
    // an empty folder is one input of its own kind
    mkdirSync(path.join(d, 'empty'));
    expect(rel(await expandInputs([path.join(d, 'empty')]))).toEqual([['empty', 'empty-folder']]);
    expect(globRegExp('**/*.yaml').test('x/y/z.yaml')).toBe(true);
    expect(globRegExp('*.yaml').test('x/z.yaml')).toBe(false);
  });
});

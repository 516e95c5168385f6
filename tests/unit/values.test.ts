import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/catalogue.js';
import { isIsoDate, readDate, readNumber, toHalfWidth } from '../../src/core/values.js';

const date = (raw: unknown) => {
  const r = readDate(raw);
  return r.ok ? r.value : r.code;
};
const num = (raw: unknown) => {
  const r = readNumber(raw);
  return r.ok ? r.value : r.code;
};

describe('readDate: the one date reader', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026-11-3', '2026-11-03'],
    ['2026/11/3', '2026-11-03'],
    ['2026.11.3', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['2026 年 11 月 3 日', '2026-11-03'],
    ['2026年11月3', '2026-11-03'],
    ['２０２６年１１月３日', '2026-11-03'],
    ['２０２６－１１－０３', '2026-11-03'],
    ['20261103', '2026-11-03'],
    ['2026-11-03 09:30', '2026-11-03'],
    ['2026-11-03T09:30:00Z', '2026-11-03'],
    [' 2024/2/29 ', '2024-02-29'],
  ])('%s → %s', (raw, iso) => expect(date(raw)).toBe(iso));

  it('checks the calendar and says what is wrong in words', () => {
    expect(date('2026-02-30')).toBe('value.date-day');
    expect(date('2025-02-29')).toBe('value.date-day');
    expect(date('2026-04-31')).toBe('value.date-day');
    expect(date('2026-13-01')).toBe('value.date-month');
    expect(date('2026-00-10')).toBe('value.date-month');
    expect(date('1850-01-01')).toBe('value.date-year');
    for (const bad of ['3/11/2026', '26-11-3', 'yesterday', '', '2026-11', '2026年11月']) expect(date(bad)).toBe('value.not-a-date');
    const r = readDate('2026-02-30');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(formatMessage(r.code, { ...r.args, field: 'respondent.date' }, 'en')).toBe('respondent.date: 2026-02-30 is not a day of the calendar: month 2 of 2026 has 28 days');
      expect(formatMessage(r.code, { ...r.args, field: 'respondent.date' }, 'zh')).toBe('respondent.date：2026-02-30 不是有效日期：2026 年 2 月只有 28 天');
    }
    const form = readDate('3/11/2026');
    if (!form.ok) expect(formatMessage(form.code, { ...form.args, field: 'date' }, 'en')).toContain('write year, month and day, e.g. 2026-11-03');
  });

  it('takes a spreadsheet Date object; refuses bare numbers (serial days are converted where the cell is read)', () => {
    expect(date(new Date(Date.UTC(2026, 10, 3)))).toBe('2026-11-03');
    expect(date(46329)).toBe('value.not-a-date');
    expect(date(true)).toBe('value.not-a-date');
    expect(isIsoDate('2026-11-03')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026/11/03')).toBe(false);
  });
});

describe('readNumber: the one number reader', () => {
  it.each([
    [12, { value: 12, percent: false }],
    ['12', { value: 12, percent: false }],
    ['１２', { value: 12, percent: false }],
    [' 12.5 ', { value: 12.5, percent: false }],
    ['-3', { value: -3, percent: false }],
    ['－３', { value: -3, percent: false }],
    ['1.5e3', { value: 1500, percent: false }],
    ['1,200', { value: 1200, percent: false }],
    ['１，２００', { value: 1200, percent: false }],
    ['1,234,567.5', { value: 1234567.5, percent: false }],
    ['1 200 000', { value: 1200000, percent: false }],
    ['50%', { value: 50, percent: true }],
    ['50 %', { value: 50, percent: true }],
    ['５０％', { value: 50, percent: true }],
    ['2.5％', { value: 2.5, percent: true }],
    ['.5', { value: 0.5, percent: false }],
  ])('%s', (raw, value) => expect(num(raw)).toEqual(value));

  it('refuses what is not a number, and a decimal comma with the point form to write', () => {
    for (const bad of ['twelve', '12 13', '1,20,0', '', '%', 'NaN', 'Infinity', '1e999', null, [1]]) expect(num(bad), String(bad)).toBe('value.not-a-number');
    expect(num(Number.NaN)).toBe('value.not-a-number');
    const r = readNumber('1,5');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatMessage(r.code, { ...r.args, field: 'x' }, 'en')).toBe('x: "1,5": write decimals with a point (1.5)');
  });

  it('full-width forms become ASCII', () => {
    expect(toHalfWidth('１２．５％')).toBe('12.5%');
    expect(toHalfWidth('２０２６年１１月３日')).toBe('2026年11月3日');
  });
});

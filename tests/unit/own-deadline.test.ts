// The time limits a plant sets itself in its own goals, and how a project's phase stands against them.
import { describe, expect, it } from 'vitest';
import { deadlineFit, deadlineIn, goalItems } from '../../src/core/own-deadline';

describe('deadlineIn: the time limit a goal names', () => {
  it.each([
    ['关键工序数控化率 2027 年超过 60%', '2026-11-20', { year: 2027, months: 13 }],
    ['2026年底前完成联网', '2026-03-01', { year: 2026, months: 9 }],
    ['OEE to 75 % by 2028', '2026-11-20', { year: 2028, months: 25 }],
    ['两年内关键工序全部数控化', '2026-11-20', { months: 24 }],
    ['三年内建成智能工厂', undefined, { months: 36 }],
    ['18 个月内上线 MES', '2026-11-20', { months: 18 }],
    ['半年内完成能源分表计量', '2026-11-20', { months: 6 }],
    ['traceability within two years', '2026-11-20', { months: 24 }],
    ['within 18 months: an MES on the assembly lines', '2026-11-20', { months: 18 }],
  ])('%s (assessed %s)', (goal, assessed, expected) => {
    expect(deadlineIn(goal, assessed)).toEqual(expected);
  });

  it.each([
    ['数控设备全部联网并统计 OEE', '2026-11-20'],
    // a year before the assessment's is history, not a limit
    ['2025 年已完成 ERP 上线，下一步做 MES', '2026-11-20'],
    // a year cannot be counted from without the assessment's date
    ['2027 年数控化率超过 60%', undefined],
    ['年产能提高 20%', '2026-11-20'],
    ['交期准时率 95%', '2026-11-20'],
  ])('no limit in “%s” (assessed %s)', (goal, assessed) => {
    expect(deadlineIn(goal, assessed)).toBeUndefined();
  });
});

describe('goalItems', () => {
  it('splits the goals at ；, ;, 。 and line breaks, trimmed, without empty items', () => {
    expect(goalItems('关键工序数控化率 2027 年超过 60%；数控设备全部联网并统计 OEE；申报市级智能车间。')).toEqual(['关键工序数控化率 2027 年超过 60%', '数控设备全部联网并统计 OEE', '申报市级智能车间']);
    expect(goalItems(' a;\n\n b ')).toEqual(['a', 'b']);
  });
});

describe('deadlineFit: a phase against the plant’s own limit (months from the assessment)', () => {
  it('in time when the phase ends by the limit, may miss it when it ends after, late when it starts after, beyond the plan when later', () => {
    const in13 = { year: 2027, months: 13 };
    expect(deadlineFit('0-6m', in13)).toBe('in-time');
    expect(deadlineFit('6-18m', in13)).toBe('may-miss');
    expect(deadlineFit('18-36m', in13)).toBe('late');
    expect(deadlineFit('later', in13)).toBe('beyond-plan');
    expect(deadlineFit('6-18m', { months: 18 })).toBe('in-time');
    expect(deadlineFit('18-36m', { months: 18 })).toBe('late');
  });
});

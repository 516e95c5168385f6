import { describe, expect, it } from 'vitest';
import { axisAngle, fit, indicatorBars, num, radarChart, radarPoint, textWidth } from '../../src/report/svg.js';

const attr = (svg: string, sel: RegExp) => [...svg.matchAll(sel)].map((m) => m[1]!);

function assertClean(svg: string) {
  expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
  expect(svg).not.toMatch(/<script|on[a-z]+=|javascript:|href=|<foreignObject/i);
}

describe('radar geometry', () => {
  it('puts the first axis straight up and the others clockwise', () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(axisAngle(1, 4)).toBeCloseTo(0);
    expect(axisAngle(2, 4)).toBeCloseTo(Math.PI / 2);
    const [x0, y0] = radarPoint(0, 4, 5, 5, 100, 100, 50);
    expect(x0).toBeCloseTo(100);
    expect(y0).toBeCloseTo(50);
    const [x1, y1] = radarPoint(1, 4, 2.5, 5, 100, 100, 50);
    expect(x1).toBeCloseTo(125);
    expect(y1).toBeCloseTo(100);
  });

  it('clamps values to 0…max', () => {
    expect(radarPoint(0, 5, 9, 5, 0, 0, 10)).toEqual(radarPoint(0, 5, 5, 5, 0, 0, 10));
    const [x, y] = radarPoint(3, 5, -2, 5, 7, 8, 10);
    expect(x).toBeCloseTo(7);
    expect(y).toBeCloseTo(8);
  });

  it('draws the value polygon at the expected vertices for a known input', () => {
    // 4 axes, size 200: w = 200 + 220 = 420, h = 280, centre (210, 140), r = 90.
    const svg = radarChart(
      [
        { label: 'A', value: 5 },
        { label: 'B', value: 2.5 },
        { label: 'C', value: 0 },
        { label: 'D', value: 5 },
      ],
      { size: 200, max: 5 },
    );
    assertClean(svg);
    expect(svg).toContain('viewBox="0 0 420 280"');
    const poly = attr(svg, /<polygon class="value" points="([^"]+)"/g);
    expect(poly).toEqual(['210.0,50.0 255.0,140.0 210.0,140.0 120.0,140.0']);
    // five grid rings plus the value polygon
    expect(svg.match(/<polygon /g)).toHaveLength(6);
    // one spoke per axis
    expect(svg.match(/<line /g)).toHaveLength(4);
    // scores printed with two decimals next to the labels
    expect(svg).toContain('>A 5.00<');
    expect(svg).toContain('>B 2.50<');
  });

  it('is deterministic', () => {
    const axes = [1, 2, 3, 4, 5].map((v) => ({ label: `s${v}`, value: v * 0.9 }));
    expect(radarChart(axes)).toBe(radarChart(axes));
  });

  it('escapes labels and the title', () => {
    const svg = radarChart(
      [
        { label: '<script>alert(1)</script>', sublabel: '"><img src=x onerror=alert(1)>', value: 1 },
        { label: "a'b&c", value: 2 },
        { label: 'javascript:alert(1)', value: 3 },
      ],
      { title: '</title><script>x</script>' },
    );
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;');
    expect(svg).toContain('a&#39;b&amp;c');
    expect(svg).not.toMatch(/<script|<img|<\/title><script/);
    // javascript: as text is harmless, but never inside an attribute
    expect(svg).not.toMatch(/="[^"]*javascript:/);
  });

  it('leaves null values out of the polygon and never prints NaN', () => {
    const svg = radarChart(
      [
        { label: 'A', value: null },
        { label: 'B', value: Number.NaN },
        { label: 'C', value: 3 },
        { label: 'D', value: Number.POSITIVE_INFINITY },
        { label: 'E', value: 2 },
      ],
      { missingText: 'n/c' },
    );
    assertClean(svg);
    expect(svg).not.toContain('class="value"'); // two known points: dots only, no shape through the gaps
    expect(svg).toContain('>A n/c<');
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });

  it('draws grid and labels but no value shape when every value is null', () => {
    const svg = radarChart([
      { label: 'A', value: null },
      { label: 'B', value: null },
      { label: 'C', value: null },
    ]);
    assertClean(svg);
    expect(svg).not.toMatch(/class="value"/);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
  });

  it('returns nothing for no axes and survives odd options', () => {
    expect(radarChart([])).toBe('');
    const svg = radarChart([{ label: 'only', value: 4 }], { max: Number.NaN, size: -1, rings: 0 });
    assertClean(svg);
    expect(svg).toContain('viewBox="0 0 580 440"');
  });
});

describe('indicator bars', () => {
  it('draws value bars proportional to the fraction and target markers at the target', () => {
    const svg = indicatorBars(
      [
        { label: 'CNC', value: 0.5, target: 0.5, comparison: '>', status: 'missed' },
        { label: 'Design', value: 0.8, target: 0.7, comparison: '>', status: 'met' },
        { label: 'Network', value: 0.25 },
      ],
      { width: 640 },
    );
    assertClean(svg);
    const x0 = Number(attr(svg, /<rect class="bar" x="([\d.]+)"/g)[0]);
    const widths = attr(svg, /<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g).map(Number);
    const barW = widths[0]! / 0.5;
    expect(widths[1]).toBeCloseTo(barW * 0.8, 0);
    expect(widths[2]).toBeCloseTo(barW * 0.25, 0);
    const targets = attr(svg, /<line class="target" x1="([\d.]+)"/g).map(Number);
    expect(targets).toHaveLength(2);
    expect(targets[0]).toBeCloseTo(x0 + barW * 0.5, 0);
    expect(targets[1]).toBeCloseTo(x0 + barW * 0.7, 0);
    expect(svg).toContain('#cf4a16'); // missed
    expect(svg).toContain('#1a7f37'); // met
    expect(svg).toContain('>50.0%<');
    expect(svg).toContain('>80.0%<');
  });

  it('clamps out-of-range values and says "not computable" for null', () => {
    const svg = indicatorBars(
      [
        { label: 'over', value: 1.7, target: 2 },
        { label: 'under', value: -0.5 },
        { label: 'none', value: null, target: 0.5, status: 'unknown' },
        { label: 'nan', value: Number.NaN, target: Number.NaN },
      ],
      { missingText: '无法计算' },
    );
    assertClean(svg);
    const widths = attr(svg, /<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g).map(Number);
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBe(0);
    expect(svg.match(/>无法计算</g)).toHaveLength(2);
    expect(svg.match(/<line class="target"/g)).toHaveLength(2);
  });

  it('escapes labels, sublabels and legend texts', () => {
    const svg = indicatorBars([{ label: '<img src=x onerror=alert(1)>', sublabel: '</text><script>', value: 0.3 }], { targetText: '<b>', metText: '"', missedText: "'" });
    expect(svg).not.toMatch(/<img|<script|<b>/);
    expect(svg).toContain('&lt;img src&#61;x onerror&#61;alert(1)&gt;');
  });

  it('returns nothing for no items and is deterministic', () => {
    expect(indicatorBars([])).toBe('');
    const items = [{ label: 'a', value: 0.123456, target: 0.5 }];
    expect(indicatorBars(items)).toBe(indicatorBars(items));
    expect(indicatorBars(items)).toContain('>12.3%<');
  });
});

describe('helpers', () => {
  it('formats numbers without -0, NaN or exponent', () => {
    expect(num(-0.0001)).toBe('0.0');
    expect(num(Number.NaN)).toBe('0.0');
    expect(num(1e21 / 1e21, 2)).toBe('1.00');
    expect(num(12.345, 0)).toBe('12');
  });

  it('measures CJK wider than Latin and shortens long labels', () => {
    expect(textWidth('中文', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeCloseTo(12);
    expect(fit('short', 200, 12)).toBe('short');
    const long = fit('数字化研发设计工具普及率数字化研发设计工具普及率', 100, 12);
    expect(long.endsWith('…')).toBe(true);
    expect(textWidth(long, 12)).toBeLessThanOrEqual(100);
  });
});

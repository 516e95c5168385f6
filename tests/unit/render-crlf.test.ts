// A Markdown template saved with CRLF (Notepad, a Windows checkout) renders as its LF twin: LF line ends and runs of
// blank lines collapsed (audit finding 8: `\n{3,}` did not match `\r\n\r\n\r\n`, so each appendix heading had extra
// blank lines before it).
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/report/render';

describe('renderTemplate (md) with a CRLF template', () => {
  const lf = '# {{title}}\n\n\n\n段落一\n\n\n## 附录\n{{#each items}}\n- {{this}}\n{{/each}}\n\n\n';
  const model = { title: '报告', items: ['甲', '乙'] };
  it('gives the same Markdown as the LF template', () => {
    const fromLf = renderTemplate(model, 'md', { lang: 'zh', template: lf }, 'report.md.hbs');
    const fromCrlf = renderTemplate(model, 'md', { lang: 'zh', template: lf.replace(/\n/g, '\r\n') }, 'report.md.hbs');
    expect(fromLf).toBe('# 报告\n\n段落一\n\n## 附录\n- 甲\n- 乙\n');
    expect(fromCrlf).toBe(fromLf);
  });
});

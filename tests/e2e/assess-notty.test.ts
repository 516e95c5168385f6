import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, zhizao } from '../helpers/cli.js';

const MINI = path.join(FIXTURES, 'definitions', 'mini.yaml');

describe('zhizao assess without an interactive terminal', () => {
  it('refuses with exit 2 and points to template + validate (stdin is a pipe)', () => {
    const dir = tempDir();
    const r = zhizao(['assess', '--questionnaire', MINI], { cwd: dir, input: 'ACME\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs an interactive terminal');
    // the commands as they run here (outside a project: node <launcher>)
    expect(r.stderr).toMatch(/(zhizao|zhizao\.js) template -o plant\.zhizao\.yaml/);
    expect(r.stderr).toMatch(/(zhizao|zhizao\.js) validate plant\.zhizao\.yaml/);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says so in Chinese too, also when resuming a file', () => {
    const dir = tempDir();
    const r = zhizao(['assess', 'plant.zhizao.yaml', '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('需要交互式终端');
    expect(r.stderr).toMatch(/(zhizao|zhizao\.js) template/);
    expect(r.stderr).toMatch(/(zhizao|zhizao\.js) validate/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('has --help with examples', () => {
    const r = zhizao(['assess', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--sections');
    expect(r.stdout).toContain('--anonymous-name');
    expect(r.stdout).toContain('--mode');
    expect(r.stdout).toContain('--show-levels');
    expect(r.stdout).toMatch(/\$ (npx )?zhizao assess --mode full plant\.zhizao\.yaml/);
  });
});

import { describe, expect, it } from 'vitest';
import { model, questionnaire } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const m = model();

describe('bundled questionnaire coverage (issue #3: later edits cannot silently drop a sub-domain or a translation)', () => {
  it('has the five sections and at least 60 questions', () => {
    expect(q.def.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['design', 'production', 'management', 'service', 'foundations']));
    expect(q.questions.length).toBeGreaterThanOrEqual(60);
  });

  it.each(m.subdomains.map((s) => s.id))('sub-domain %s has a level question with options for levels 0–5', (id) => {
    const levelQs = q.questions.filter((x) => x.type === 'level' && x.subdomain === id);
    expect(levelQs.length).toBeGreaterThan(0);
    for (const lq of levelQs) {
      expect(lq.options!.map((o) => o.level).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      for (const o of lq.options!) {
        expect(o.label.zh && o.label.en && o.description?.zh && o.description?.en).toBeTruthy();
      }
    }
  });

  it('every question has zh and en text and help, a version it was added in, and its interview modes', () => {
    for (const x of q.questions) {
      expect(x.text.zh.trim() && x.text.en.trim(), x.id).toBeTruthy();
      expect(x.help.zh.trim() && x.help.en.trim(), x.id).toBeTruthy();
      expect(['1', '2'], x.id).toContain(x.since);
      expect(x.modes?.length, `${x.id} has modes`).toBeGreaterThan(0);
    }
  });

  it.each(m.subdomains.map((s) => s.id))('sub-domain %s has requirement questions at levels 1, 2 and 3', (id) => {
    for (const level of [1, 2, 3]) {
      const reqs = q.questions.filter((x) => x.type === 'requirement' && x.subdomain === id && x.level === level);
      expect(reqs.length, `${id} level ${level}`).toBeGreaterThan(0);
    }
  });

  it('every requirement says in both languages what evidence to look for, and is asked in the full interview', () => {
    for (const x of q.questions.filter((y) => y.type === 'requirement')) {
      expect(x.evidence?.zh.trim() && x.evidence?.en.trim(), x.id).toBeTruthy();
      expect(x.modes, x.id).toContain('full');
    }
  });

  it('the express interview asks every level self-rating and every input of an indicator', () => {
    const express = new Set(q.questions.filter((x) => x.modes?.includes('express')).map((x) => x.id));
    for (const x of q.questions.filter((y) => y.type === 'level')) expect(express.has(x.id), x.id).toBe(true);
    for (const ind of q.indicators) for (const ref of ind.refs) if (q.byId.has(ref)) expect(express.has(ref), `${ind.def.id} reads ${ref}`).toBe(true);
  });

  it('no level option label carries a level number or a judgement word', () => {
    for (const x of q.questions.filter((y) => y.type === 'level'))
      for (const o of x.options!) {
        expect(o.label.zh, `${x.id}/${o.value}`).not.toMatch(/[0-5]\s*级|落后|先进|仅|只/);
        expect(o.label.en, `${x.id}/${o.value}`).not.toMatch(/\blevel\s*[0-5]\b|\b(only|just|poor|backward|advanced)\b/i);
      }
  });

  it('has every fixed id with the right type', () => {
    const types: Record<string, string> = {
      key_processes_total: 'number', key_processes_cnc: 'number', design_tools: 'multi', designers_total: 'number', designers_digital: 'number',
      equipment_total: 'number', equipment_digital: 'number', equipment_networked: 'number', kpi_output_per_worker: 'number', kpi_operating_cost: 'number',
      kpi_development_cycle_days: 'number', kpi_defect_rate: 'percent', kpi_energy_per_output: 'number',
      has_erp: 'boolean', has_mes: 'boolean', has_plm: 'boolean', has_scada: 'boolean', has_wms: 'boolean', has_aps: 'boolean', has_ems: 'boolean', has_qms: 'boolean', has_crm: 'boolean',
      uses_cloud: 'boolean', uses_iip_platform: 'boolean', ipv6_ready: 'boolean', has_5g_wireless: 'boolean', uses_identifier_resolution: 'boolean', lianghua_certified: 'boolean',
    };
    for (const [id, type] of Object.entries(types)) expect(q.byId.get(id)?.type, id).toBe(type);
    expect(q.byId.get('design_tools')!.options!.map((o) => o.value)).toEqual(['cad2d', 'cad3d', 'cae', 'cam', 'capp', 'pdm', 'plm', 'none']);
    expect(q.byId.get('key_processes_cnc')!.variants?.process?.text).toBeTruthy();
  });

  it('branches by industry and gates follow-ups', () => {
    expect(q.questions.filter((x) => x.industries && !x.industries.includes('process')).length).toBeGreaterThanOrEqual(3);
    expect(q.questions.filter((x) => x.industries && !x.industries.includes('discrete')).length).toBeGreaterThanOrEqual(3);
    expect(q.when.size).toBeGreaterThanOrEqual(3);
    expect(q.indicators.map((i) => i.def.id)).toEqual(expect.arrayContaining(['cnc-rate', 'design-tool-penetration', 'equipment-digitization-rate', 'equipment-networking-rate', 'equipment-networked-share', 'erp-adoption', 'mes-adoption', 'cloud-adoption', 'iip-platform-adoption', 'ipv6-adoption']));
  });
});

/**
 * The fixed respondent vocabularies, once: industry type, smart-retrofit status and enterprise class — the codes an
 * answer file stores (schemas/answers.schema.json lists the same), and the words a table cell, a survey export or a
 * drop-down list may use for them (read back to the code by src/io/tables/row-source.ts). Display labels for
 * people are messages (src/messages/).
 */

export const INDUSTRIES = ['discrete', 'process', 'mixed'] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const RETROFIT_STATUSES = ['none', 'planned', 'in-progress', 'done'] as const;
export type RetrofitStatus = (typeof RETROFIT_STATUSES)[number];

export const ENTERPRISE_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type EnterpriseClass = (typeof ENTERPRISE_CLASSES)[number];

/** The Chinese words offered in drop-down lists, in the order of the codes (the English lists are the codes). */
export const INDUSTRY_WORDS_ZH: readonly string[] = ['离散型', '流程型', '混合型'];
export const RETROFIT_WORDS_ZH: readonly string[] = ['无', '计划中', '进行中', '已完成'];

/** Every word read as an industry type (keys compared after NFKC, lower case; the codes themselves included). */
export const INDUSTRY_TOKENS: Readonly<Record<string, Industry>> = {
  discrete: 'discrete', 离散型: 'discrete', 离散: 'discrete',
  process: 'process', 流程型: 'process', 流程: 'process',
  mixed: 'mixed', 混合型: 'mixed', 混合: 'mixed',
};

/** Every word read as a smart-retrofit status. */
export const RETROFIT_TOKENS: Readonly<Record<string, RetrofitStatus>> = {
  none: 'none', 无: 'none', 未改造: 'none', 没有: 'none', 否: 'none',
  planned: 'planned', 计划: 'planned', 计划中: 'planned', 已规划: 'planned', 拟改造: 'planned',
  'in-progress': 'in-progress', inprogress: 'in-progress', in_progress: 'in-progress', 进行中: 'in-progress', 改造中: 'in-progress', 实施中: 'in-progress',
  done: 'done', 完成: 'done', 已完成: 'done', 已改造: 'done',
};

export const isIndustry = (v: unknown): v is Industry => (INDUSTRIES as readonly unknown[]).includes(v);
export const isRetrofitStatus = (v: unknown): v is RetrofitStatus => (RETROFIT_STATUSES as readonly unknown[]).includes(v);
export const isEnterpriseClass = (v: unknown): v is EnterpriseClass => (ENTERPRISE_CLASSES as readonly unknown[]).includes(v);

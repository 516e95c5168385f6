/** `zhizao merge` and `--merge`: the problems of src/core/merge.ts (each a stable code with its message). */
export const MERGE_MESSAGES = {
  'merge.no-files': { en: 'no files to merge', zh: '没有要合并的文件' },
  'merge.prefer-unknown': { en: '--prefer {file} is not one of the files being merged', zh: '--prefer {file} 不是要合并的文件之一' },
  'merge.questionnaire-mismatch': { en: 'the files use different questionnaires ({list}) and cannot be merged', zh: '文件使用不同的问卷（{list}），无法合并' },
  'merge.version-mismatch': {
    en: 'the files use different questionnaire versions ({list}); the merged file takes the newest, {version}',
    zh: '文件的问卷版本不同（{list}），合并文件取最新版本 {version}',
  },
  'merge.invalid-answer': { en: '{file}: the answer {value} to {id} is not valid', zh: '{file}：题目 {id} 的答案 {value} 无效' },
  'merge.plant-mismatch': {
    en: 'the files are not about the same plant (credit code + site, or company + site, differ): {listing}',
    zh: '这些文件不是同一工厂的答卷（统一社会信用代码 + 厂区，或企业名称 + 厂区 不一致）：{listing}',
  },
  'merge.evidence-differ': { en: 'the evidence records of {id} differ ({list}); those of {file} are taken', zh: '题目 {id} 的证据记录不同（{list}），采用 {file} 的' },
  'merge.overrides-differ': { en: 'several files carry different overrides (consultant edits); those of {file} are taken', zh: '多个文件含有不同的 overrides（咨询师修改）；采用 {file} 的' },
  /** The head of the internal note of a question left open; both languages are written into the merged file. */
  'merge.conflict-note': { en: 'merge conflict, left unanswered', zh: '合并冲突，未采用任何答案' },
  /** How a list of names reads inside a message. */
  'merge.list-separator': { en: ', ', zh: '、' },
} as const;

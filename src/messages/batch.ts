/** Batch scoring. `{name}` placeholders are filled from the diagnostic's args. */
export const BATCH_MESSAGES = {
  'batch.worker-crashed': { en: 'reading this input stopped the worker ({detail}); the rest of the batch went on', zh: '读取该输入时工作线程异常退出（{detail}），其余输入照常处理' },
  'batch.duplicate-plant': { en: 'the same plant ({plant}) appears {count} times; older assessments are marked superseded: {where}', zh: '同一工厂（{plant}）出现 {count} 次；较早的评估标记为已被取代：{where}' },
} as const;

/** The section menu (progress per section, jump, review, respondent details, save and exit) and the review. */
import { CURSOR_REVIEW, questionWording, sectionEntry, sectionProgress, unansweredQuestions } from '../../core/interview.js';
import type { Question } from '../../core/types.js';
import type { ChoiceEntry } from './prompter.js';
import { respondentStage } from './respondent.js';
import type { Interview, Position } from './state.js';
import { displayWidth, padDisplay } from './wrap.js';

export async function menu(iv: Interview, currentId: string | undefined): Promise<Position | 'stay' | 'exit'> {
  const snap = iv.snap();
  type M = { go: 'section'; id: string } | { go: 'stay' } | { go: 'review' } | { go: 'respondent' } | { go: 'exit' };
  const progress = sectionProgress(snap);
  const width = Math.max(...progress.map((p) => displayWidth(iv.t(p.title))), 4) + 2;
  const unanswered = unansweredQuestions(snap).length;
  const stay: M = { go: 'stay' };
  const choices: ChoiceEntry<M>[] = [
    ...progress.map((p) => ({
      name: `${p.answered === p.visible ? '✓' : ' '} ${padDisplay(iv.t(p.title), width)} ${p.answered}/${p.visible}`,
      value: { go: 'section', id: p.id } as M,
      description: iv.m('iv.menu-jump', { section: iv.t(p.title) }),
    })),
    'separator',
    ...(currentId ? [{ name: iv.m('iv.menu-back'), value: stay }] : []),
    { name: iv.m('iv.menu-review', { count: unanswered }), value: { go: 'review' } },
    { name: iv.m('iv.menu-respondent'), value: { go: 'respondent' } },
    { name: iv.m('iv.menu-exit'), value: { go: 'exit' } },
  ];
  const pick = await iv.p.choose<M>({ header: ['', iv.m('iv.menu-header')], message: iv.m('iv.menu-where'), choices, ...(currentId ? { default: stay } : {}), transcript: false });
  switch (pick.go) {
    case 'stay':
      return 'stay';
    case 'exit':
      return 'exit';
    case 'review':
      await iv.save(CURSOR_REVIEW);
      return { kind: 'review' };
    case 'respondent': {
      await respondentStage(iv, 'date', true);
      return currentId ? { kind: 'question', id: currentId, reviewMode: false } : { kind: 'review' };
    }
    case 'section': {
      const target = sectionEntry(iv.snap(), pick.id);
      if (!target) {
        iv.flash.push(iv.c.yellow(iv.m('iv.section-empty')));
        return currentId ? 'stay' : { kind: 'review' };
      }
      await iv.save(target.id);
      return { kind: 'question', id: target.id, reviewMode: false };
    }
  }
}

export async function review(iv: Interview): Promise<Position | 'finish' | 'exit'> {
  for (;;) {
    const snap = iv.snap();
    if (iv.cursor !== CURSOR_REVIEW) await iv.save(CURSOR_REVIEW);
    const open = unansweredQuestions(snap);
    type R = { go: 'all' } | { go: 'question'; id: string } | { go: 'finish' } | { go: 'menu' } | { go: 'last' } | { go: 'exit' };
    const title = (question: Question) => {
      const sec = iv.q.def.sections.find((x) => x.id === iv.q.sectionOf.get(question.id));
      const text = iv.t(questionWording(question, iv.data.respondent.industry).text);
      return `[${sec ? iv.t(sec.title) : ''}] ${text.length > 60 ? text.slice(0, 57) + '…' : text}`;
    };
    const choices: ChoiceEntry<R>[] = [];
    if (open.length) {
      choices.push({ name: iv.m('iv.review-all', { count: open.length }), value: { go: 'all' } });
      // (the id under the entry for a consultant, as beside each question: see Interview.showIds)
      for (const x of open.slice(0, 40)) choices.push({ name: `  ${title(x)}`, value: { go: 'question', id: x.id }, ...(iv.showIds() ? { description: x.id } : {}) });
      choices.push('separator');
    }
    choices.push(
      { name: iv.m('iv.review-finish'), value: { go: 'finish' } },
      { name: iv.m('iv.review-menu'), value: { go: 'menu' } },
      ...(snap.order.length ? [{ name: iv.m('iv.review-last'), value: { go: 'last' } as R }] : []),
      { name: iv.m('iv.menu-exit'), value: { go: 'exit' } },
    );
    const head = open.length ? iv.m('iv.review-open', { open: open.length, total: snap.order.length }) : iv.m('iv.review-done', { total: snap.order.length });
    const pick = await iv.p.choose<R>({ header: ['', ...iv.takeFlash(), head], message: iv.m('iv.review-next'), choices, transcript: false });
    switch (pick.go) {
      case 'all':
        return { kind: 'question', id: open[0]!.id, reviewMode: true };
      case 'question':
        return { kind: 'question', id: pick.id, reviewMode: true };
      case 'finish':
        return 'finish';
      case 'exit':
        return 'exit';
      case 'last':
        return { kind: 'question', id: snap.order[snap.order.length - 1]!.id, reviewMode: false };
      case 'menu': {
        const r = await menu(iv, undefined);
        if (r === 'stay') continue;
        if (r === 'exit') return 'exit';
        return r;
      }
    }
  }
}

/**
 * The interview loop: engine (src/core/interview.ts) + prompter + autosave. Every answer, note and respondent field
 * is written (atomically) together with the cursor BEFORE the next prompt appears, so that nothing typed is lost.
 * The parts: state.ts (what the interview holds), autosave.ts (saving), respondent.ts (the respondent form),
 * question.ts (one question), notes.ts (notes and evidence), menus.ts (section menu and review).
 */
import { overallProgress, placeOf, resumePoint } from '../../core/interview.js';
import { displayPath } from '../../io/paths.js';
import { EXIT, ExitError } from '../errors.js';
import { forTerminal } from './prompter.js';
import { askQuestion } from './question.js';
import { review } from './menus.js';
import { respondentStage, stepName } from './respondent.js';
import { Interview, type Position, type SessionOptions, type SessionResult } from './state.js';

export type { SessionOptions, SessionResult } from './state.js';
export { resumeCommand, shellQuote } from './autosave.js';

const isPromptExit = (e: unknown) => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

export async function runSession(opts: SessionOptions): Promise<SessionResult> {
  const iv = new Interview(opts);
  try {
    return await run(iv);
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    iv.store.interrupted();
    throw new ExitError(EXIT.interrupted);
  }
}

async function run(iv: Interview): Promise<SessionResult> {
  let pos: Position;
  if (!iv.store.file) {
    // A new interview: respondent details first; the file is created once it can be named.
    iv.o.say(iv.c.bold(iv.m('iv.title', { title: iv.t(iv.q.def.title) })));
    iv.o.say(iv.m(iv.mode === 'express' ? 'iv.mode-express' : 'iv.mode-full', { count: iv.snap().order.length }));
    if (iv.sections) iv.o.say(iv.m('iv.only-sections', { sections: iv.sectionTitles() }));
    pos = { kind: 'respondent', step: 'date' };
  } else {
    pos = resumePosition(iv);
    // Store a new --sections or --mode right away.
    if (iv.o.sections?.length || (iv.o.mode && iv.o.mode !== iv.o.target?.data?.progress?.mode)) await iv.save(iv.cursorOf(pos));
  }
  for (;;) {
    switch (pos.kind) {
      case 'respondent':
        pos = await respondentStage(iv, pos.step, false);
        break;
      case 'question': {
        const next = await askQuestion(iv, pos.id, pos.reviewMode);
        if (next === 'exit') return exit(iv);
        pos = next;
        break;
      }
      case 'review': {
        const next = await review(iv);
        if (next === 'finish') return { file: iv.store.file!, finished: true };
        if (next === 'exit') return exit(iv);
        pos = next;
        break;
      }
    }
  }
}

function exit(iv: Interview): SessionResult {
  iv.store.exited();
  return { file: iv.store.file!, finished: false };
}

function resumePosition(iv: Interview): Position {
  const snap = iv.snap();
  const r = resumePoint(iv.q, iv.data, snap);
  const file = forTerminal(displayPath(iv.store.file!));
  const { answered, total } = overallProgress(snap);
  let line: string;
  let pos: Position;
  if (r.kind === 'respondent') {
    line = iv.m('iv.resume-respondent', { file, step: stepName(iv, r.step) });
    pos = { kind: 'respondent', step: r.step };
  } else if (r.kind === 'review') {
    line = iv.m('iv.resume-review', { file, answered, total });
    pos = { kind: 'review' };
  } else if (!r.saved && !iv.data.respondent.company.trim()) {
    // A file from `zhizao template` or another tool: no saved place and no company yet: respondent details first.
    line = iv.m('iv.resume-template', { file });
    pos = { kind: 'respondent', step: 'date' };
  } else {
    const place = placeOf(iv.q, snap, r.question.id);
    const where = place ? `${iv.t(place.section.title)} ${place.index}/${place.count}` : r.question.id;
    line = iv.m(r.saved ? 'iv.resume-saved' : 'iv.resume-first-open', { file, where, answered, total });
    pos = { kind: 'question', id: r.question.id, reviewMode: false };
  }
  if (iv.sections) line += iv.m('iv.resume-sections', { sections: iv.sectionTitles() });
  line += iv.m('iv.resume-mode', { mode: iv.m(iv.mode === 'express' ? 'iv.mode-name-express' : 'iv.mode-name-full') });
  iv.o.say(iv.c.cyan(line));
  return pos;
}


/**
 * The interview's list prompt (an @inquirer/core prompt, like @inquirer/select), with two differences:
 *  - a digit key picks the entry that shows that number (`key`: the level shown with --show-levels), and the entry
 *    at that position (counting from 1) where the list shows no numbers;
 *  - once answered it prints what the caller says (`done`), or nothing: commands never appear as answers;
 *  - it can start with no entry highlighted (`noDefault`): then Enter alone chooses nothing.
 * Loaded only by the interview, so that `zhizao --help` stays light.
 */
import { createPrompt, isDownKey, isEnterKey, isNumberKey, isUpKey, useEffect, useKeypress, useMemo, usePagination, useRef, useState } from '@inquirer/core';

export interface PickChoice<T> {
  value: T;
  /** The entry as shown (already wrapped to the width; continuation lines indented). */
  name: string;
  /** The number shown with the entry (a digit key picks it). */
  key?: string;
  /** Shown under the list while the entry is highlighted. */
  description?: string;
}
export interface PickSeparator {
  separator: string;
}
export type PickEntry<T> = PickChoice<T> | PickSeparator;

export interface PickConfig<T> {
  /** Lines above the list, already styled (the last one is the question). */
  message: string;
  choices: readonly PickEntry<T>[];
  default?: T;
  /**
   * Nothing highlighted at first: Enter picks nothing (this hint is shown instead) until an arrow or a digit has
   * chosen an entry. For a choice where any default could be wrong (which of two readings of a number was meant).
   */
  noDefault?: { hint: string };
  pageSize: number;
  /** The key help line under the list. */
  help: string;
  style: { active(text: string): string; description(text: string): string; hint(text: string): string; cursor: string };
  /** What stays on the screen once answered (empty: nothing). */
  done(choice: PickChoice<T>): string;
}

const isChoice = <T>(e: PickEntry<T> | undefined): e is PickChoice<T> => e !== undefined && 'value' in e;

/** The entry a typed number picks: the one showing it, else (in a list without numbers) the one at that position. */
export function entryForDigits<T>(choices: readonly PickEntry<T>[], typed: string): number {
  const shown = choices.some((c) => isChoice(c) && c.key !== undefined);
  if (shown) return choices.findIndex((c) => isChoice(c) && c.key === typed);
  const n = Number(typed);
  let seen = 0;
  return choices.findIndex((c) => isChoice(c) && ++seen === n);
}

export default createPrompt(<T>(config: PickConfig<T>, done: (value: T) => void) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const items = config.choices;
  const first = useMemo(() => items.findIndex(isChoice), [items]);
  const last = useMemo(() => items.length - 1 - [...items].reverse().findIndex(isChoice), [items]);
  const initial = useMemo(() => {
    if (config.noDefault) return -1;
    if (!('default' in config)) return first;
    const i = items.findIndex((c) => isChoice(c) && c.value === config.default);
    return i >= 0 ? i : first;
  }, [items]);
  const [active, setActive] = useState(initial);
  const [hint, setHint] = useState('');
  const typed = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const selected = active >= 0 ? (items[active] as PickChoice<T>) : undefined;

  useKeypress((key, rl) => {
    clearTimeout(timer.current);
    if (isEnterKey(key)) {
      if (!selected) {
        setHint(config.noDefault?.hint ?? '');
        return;
      }
      setStatus('done');
      done(selected.value);
    } else if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      typed.current = '';
      setHint('');
      const step = isUpKey(key) ? -1 : 1;
      if (active < 0) {
        setActive(step > 0 ? first : last);
        return;
      }
      let next = active;
      do next += step;
      while (next >= first && next <= last && !isChoice(items[next]));
      if (next >= first && next <= last) setActive(next);
    } else if (isNumberKey(key)) {
      // Digits typed in quick succession make one number (12); a pause starts a new one.
      typed.current = (typed.current + key.name).slice(-3);
      let at = entryForDigits(items, typed.current);
      if (at < 0) {
        typed.current = key.name;
        at = entryForDigits(items, typed.current);
      }
      if (at >= 0) {
        setActive(at);
        setHint('');
      }
      rl.clearLine(0);
      timer.current = setTimeout(() => {
        typed.current = '';
      }, 700);
    } else {
      rl.clearLine(0);
    }
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const page = usePagination({
    items,
    active: active >= 0 ? active : first,
    pageSize: config.pageSize,
    loop: false,
    renderItem({ item, isActive: atCursor }) {
      if (!isChoice(item)) return ` ${item.separator}`;
      const isActive = atCursor && active >= 0;
      const text = `${isActive ? config.style.cursor : ' '} ${item.name}`;
      return isActive ? config.style.active(text) : text;
    },
  });
  if (status === 'done') return selected ? config.done(selected) : '';
  const description = selected?.description ? config.style.description(selected.description) : '';
  return [config.message, page, ' ', description, hint ? config.style.hint(hint) : '', config.help].filter(Boolean).join('\n').trimEnd() + '\x1b[?25l';
});

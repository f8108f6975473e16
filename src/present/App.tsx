import { renderToString, useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { layoutScreen, padLine, sanitizeText, truncateLine, type Banner, type StyledLine } from '../render/index.js';
import { Lines, SlideScreen } from '../render/ink.js';
import { next, previous } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { keyToCommand, splitKeys, type Keymap } from './keymap.js';
import { layoutPresenterView, layoutSources, type SourceReader } from './notes-view.js';
import { answersLines, helpLines, overviewLines, passageLines } from './overlays.js';
import { reduce, type AnswerSearch, type AnswerView, type Command, type PresentState } from './state.js';

/** Commands that arrive from outside the key handler: live reload results. */
export interface CommandSource {
  subscribe(listener: (command: Command) => void): () => void;
}

export interface AppProps {
  initial: PresentState;
  theme: Theme;
  hyperlinks: boolean;
  /** Milliseconds since the talk started; read once a second for the footer. */
  elapsedMs: () => number;
  events: CommandSource;
  /** Asked to re-read the deck (the `r` key); answers through `events`. */
  onReload: () => void;
  /** Called after every change of position, e.g. to tell followers. */
  onPosition?: (state: PresentState) => void;
  /** Called when a key arrives, for latency measurements. */
  onKey?: () => void;
  /** Reads cited articles for the `s` overlay and the presenter view. */
  readSource: SourceReader;
  /** Slide and notes side by side (`--presenter`). */
  presenterView?: boolean;
  /** The keys (default: DEFAULT_KEYMAP). */
  keymap?: Keymap;
  /** A line drawn over the footer, e.g. the rehearsal bar; null for none. */
  statusLine?: (state: PresentState, elapsedMs: number, columns: number) => StyledLine | null;
  /** Q&A over the source articles (`a`), loaded when first opened; absent: `a` says it is not available. */
  answers?: () => Promise<AnswerSearch>;
}

/** Answers shown at once in the `a` screen. */
const ANSWER_LIMIT = 6;

/**
 * The Q&A index, loaded the first time the `a` screen opens (never on the start path), and the
 * answers to a question.
 */
export function useAnswers(open: boolean, load: (() => Promise<AnswerSearch>) | undefined): { ready: AnswerSearch | null; failed: string | null } {
  const [ready, setReady] = useState<AnswerSearch | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!open || started.current) return;
    started.current = true;
    if (!load) {
      setFailed('Q&A is not available here');
      return;
    }
    load().then(setReady, (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
  }, [open, load]);
  return { ready, failed };
}

/** What Enter on the selected answer does: go to the slide citing it, or show it on the full screen. */
export function pickAnswer(answers: readonly AnswerView[], selected: number): Command | null {
  const answer = answers[Math.min(selected, answers.length - 1)];
  if (!answer) return null;
  return answer.slide !== null ? { kind: 'answers-go', slide: answer.slide } : { kind: 'answers-show', answer };
}

/** The `s` overlay: the slide's citations in context, scrolled. */
function sourcesLines(state: PresentState, scroll: number, theme: Theme, columns: number, rows: number, read: SourceReader): StyledLine[] {
  const slide = state.deck.slides[state.position.slide];
  const width = Math.max(1, columns - theme.margin.horizontal * 2);
  const left = { text: ' '.repeat(theme.margin.horizontal), style: {} };
  const body = slide ? layoutSources(slide, read, theme, width) : [];
  const visible = Math.max(1, rows - 2);
  const top = Math.min(scroll, Math.max(0, body.length - visible));
  const title = `Sources of slide ${state.position.slide + 1}: ${sanitizeText(slide?.title ?? '')}`;
  const more = body.length > visible ? `  (${top + 1}-${Math.min(body.length, top + visible)} of ${body.length}; j/k scroll, Esc closes)` : '  (Esc closes)';
  const lines: StyledLine[] = [
    [left, ...truncateLine([{ text: title, style: theme.headings.h2 }, { text: more, style: { ...theme.text, dim: true } }], width)],
    [],
    ...body.slice(top, top + visible).map((line) => [left, ...line]),
  ];
  while (lines.length < rows) lines.push([]);
  return lines;
}

function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function useElapsed(elapsedMs: () => number): number {
  const [elapsed, setElapsed] = useState(elapsedMs);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(elapsedMs()), 1000);
    timer.unref();
    return () => clearInterval(timer);
  }, [elapsedMs]);
  return elapsed;
}

function bannerFor(state: PresentState): Banner | null {
  if (state.overlay.kind === 'search-input') return { kind: 'info', text: `/${state.overlay.query}▏` };
  if (state.pendingNumber) return { kind: 'info', text: `go to slide ${state.pendingNumber} (Enter or G)` };
  return state.banner;
}

/** Off-screen paints right after start, to get Ink's output stage compiled before the first key. */
const WARM_UP_PAINTS = 6;

/** The presenter: one slide on the full screen, keys to move, overlays for help, overview and search. */
export function App(props: AppProps) {
  const { initial, theme, hyperlinks, elapsedMs, events, onReload, onPosition, onKey, readSource } = props;
  // Keys can arrive faster than React re-renders; each must see the state the previous one left,
  // so the latest state lives in a ref and React's copy only drives painting.
  const latest = useRef(initial);
  const [state, setState] = useState(initial);
  const apply = useCallback((command: Command) => {
    latest.current = reduce(latest.current, command);
    setState(latest.current);
  }, []);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const elapsed = useElapsed(elapsedMs);

  useEffect(() => events.subscribe(apply), [events, apply]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    onPosition?.(state);
  }, [state.position, state.deck]);
  // Lay out the neighbouring positions while the speaker talks, so the next key only paints. The
  // next one is also painted off screen through Ink, which keeps Ink's output stage compiled hot:
  // cold, it costs the first keys of a talk two or three times what it costs later.
  // Right after start, when that code is coldest, it is painted a few times over, one paint per
  // turn of the event loop so that a key is never kept waiting for more than one.
  const warmPaints = useRef(WARM_UP_PAINTS);
  useEffect(() => {
    let timer = setTimeout(function prefetch() {
      layoutScreen({ deck: state.deck, position: previous(state.deck, state.position), theme, columns, rows, elapsedMs: 0, hyperlinks });
      const lines = layoutScreen({ deck: state.deck, position: next(state.deck, state.position), theme, columns, rows, elapsedMs: 0, hyperlinks });
      renderToString(<Lines lines={lines} columns={columns} background={theme.background} />, { columns });
      if (warmPaints.current > 0) {
        warmPaints.current--;
        timer = setTimeout(prefetch, 5);
      }
    }, 30);
    return () => clearTimeout(timer);
  }, [state.deck, state.position, theme, columns, rows, hyperlinks]);

  const qa = useAnswers(state.overlay.kind === 'answers', props.answers);
  const ask = (query: string) => (qa.ready && query.trim() ? qa.ready.search(query, ANSWER_LIMIT) : []);

  useInput((input, key) => {
    onKey?.();
    for (const [char, press] of splitKeys(input, key)) {
      const command = keyToCommand(char, press, latest.current, props.keymap);
      if (!command) continue;
      const overlay = latest.current.overlay;
      if (command.kind === 'answers-pick' && overlay.kind === 'answers') {
        const picked = pickAnswer(ask(overlay.query), overlay.selected);
        if (picked) apply(picked);
        continue;
      }
      apply(command);
      if (command.kind === 'reload') onReload();
    }
  });

  const banner = bannerFor(state);
  if (state.overlay.kind === 'answers') {
    const found = qa.failed ? [] : qa.ready ? ask(state.overlay.query) : null;
    const lines = answersLines(qa.failed ? `${state.overlay.query} (${qa.failed})` : state.overlay.query, found, state.overlay.selected, theme, columns, rows);
    return <Lines lines={lines} theme={theme} columns={columns} />;
  }
  if (state.overlay.kind === 'passage') {
    return <Lines lines={passageLines(state.overlay.answer, theme, columns, rows)} theme={theme} columns={columns} />;
  }
  if (state.overlay.kind === 'sources') {
    return <Lines lines={sourcesLines(state, state.overlay.scroll, theme, columns, rows, readSource)} theme={theme} columns={columns} />;
  }
  if (props.presenterView && state.overlay.kind === 'none') {
    const lines = layoutPresenterView({ deck: state.deck, position: state.position, theme, columns, rows, elapsedMs: elapsed, hyperlinks, banner, read: readSource });
    return <Lines lines={lines} theme={theme} columns={columns} />;
  }
  const status = props.statusLine?.(state, elapsed, columns) ?? null;
  if (status && state.overlay.kind === 'none') {
    const screen = layoutScreen({ deck: state.deck, position: state.position, theme, columns, rows: rows - 1, elapsedMs: elapsed, hyperlinks, banner });
    return <Lines lines={[...screen, padLine(truncateLine(status, columns), columns)]} theme={theme} columns={columns} />;
  }
  if (state.overlay.kind === 'help') return <Lines lines={helpLines(theme, columns, rows, props.keymap)} theme={theme} columns={columns} />;
  if (state.overlay.kind === 'overview') {
    return <Lines lines={overviewLines(state.deck, state.overlay.selected, theme, columns, rows)} theme={theme} columns={columns} />;
  }
  return (
    <SlideScreen
      deck={state.deck}
      position={state.position}
      theme={theme}
      columns={columns}
      rows={rows}
      elapsedMs={elapsed}
      hyperlinks={hyperlinks}
      banner={banner}
    />
  );
}

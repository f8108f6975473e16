import { useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutScreen, padLine, sanitizeText, truncateLine, type Banner, type ScreenWriter, type SlideScreenProps, type StyledLine } from '../render/index.js';
import type { ExecLayout, ImageLayout } from '../render/index.js';
import { next, previous } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { keyToCommand, splitKeys, type Keymap } from './keymap.js';
import { layoutPresenterView, layoutSources, type SourceReader } from './notes-view.js';
import { answersLines, helpLines, overviewLines, passageLines } from './overlays.js';
import { reduce, type AnswerSearch, type AnswerView, type Command, type PresentState } from './state.js';
import { createReplyFilter } from './terminal-replies.js';

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
  /** Told when the speaker pauses or resumes the clock (`t`); `elapsedMs` must then stand still. */
  onPause?: (paused: boolean) => void;
  /** Moves to the next slide once this long has passed on a slide (talk time: not while paused). */
  autoAdvanceMs?: number | null;
  /** Running code: Ctrl-E, Ctrl-C while a snippet runs, arriving at a slide. */
  exec?: { layout: Omit<ExecLayout, 'runs'>; run(state: PresentState): void; stop(): void; arrive(state: PresentState): void };
  /** Images: how the layout draws them, and the store's version (which changes as images are read and encoded). */
  images?: { layout: ImageLayout; version(): number; subscribe(listener: () => void): () => void };
  /** Hears every frame's lines (the images are drawn over them). */
  onFrame?: (lines: readonly StyledLine[] | null) => void;
  /** Q&A over the source articles (`a`), loaded when first opened; absent: `a` says it is not available. */
  answers?: () => Promise<AnswerSearch>;
  /** Writes the frames to the terminal, changed rows only. */
  screen: ScreenWriter;
}

/** A number for each distinct map of runs, for the layout cache's key. */
const runIds = new WeakMap<object, number>();
let nextRunId = 0;
function runsId(runs: object): number {
  let id = runIds.get(runs);
  if (id === undefined) runIds.set(runs, (id = nextRunId++));
  return id;
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

/** The talk's time, read once a second, and at once when the clock is paused or resumed, so a paused clock shows where it stopped. */
function useElapsed(elapsedMs: () => number, paused: boolean): number {
  const [elapsed, setElapsed] = useState(elapsedMs);
  useEffect(() => {
    setElapsed(elapsedMs());
    const timer = setInterval(() => setElapsed(elapsedMs()), 1000);
    timer.unref();
    return () => clearInterval(timer);
  }, [elapsedMs, paused]);
  return elapsed;
}

function bannerFor(state: PresentState): Banner | null {
  if (state.overlay.kind === 'search-input') {
    const { query, matches } = state.overlay;
    const found = query === '' ? 'type to search the slides' : matches === 0 ? 'no slide matches' : `${matches} slide${matches === 1 ? '' : 's'} match`;
    return { kind: 'info', text: `Search: /${query}▏   ${found} · Enter goes · Esc cancels` };
  }
  if (state.pendingNumber) return { kind: 'info', text: `go to slide ${state.pendingNumber} (Enter or G)` };
  if (state.banner) return state.banner;
  if (state.paused) return { kind: 'info', text: 'paused: the clock is stopped (t resumes)' };
  return null;
}

/** What the slide screen is made of besides the state: the size, the clock and the options of a render. */
interface SlideView {
  theme: Theme;
  columns: number;
  rows: number;
  elapsed: number;
  hyperlinks: boolean;
  extras: (state: PresentState) => Pick<SlideScreenProps, 'exec' | 'images' | 'extrasKey'>;
  statusLine: AppProps['statusLine'];
}

/** The slide screen of a state with no overlay: the slide with its footer, over the status line when there is one. */
function slideFrame(state: PresentState, view: SlideView): readonly StyledLine[] {
  const { theme, columns, rows, elapsed, hyperlinks } = view;
  const screen = { deck: state.deck, position: state.position, theme, columns, elapsedMs: elapsed, hyperlinks, banner: bannerFor(state), highlight: highlightFor(state), ...view.extras(state) };
  const status = view.statusLine?.(state, elapsed, columns) ?? null;
  if (!status) return layoutScreen({ ...screen, rows });
  return [...layoutScreen({ ...screen, rows: rows - 1 }), padLine(truncateLine(status, columns), columns)];
}

/** What the slide marks: the query being typed, else the last search. */
function highlightFor(state: PresentState): string | null {
  if (state.overlay.kind === 'search-input') return state.overlay.query;
  return state.search?.query ?? null;
}

/** The presenter: one slide on the full screen, keys to move, overlays for help, overview and search. */
export function App(props: AppProps) {
  const { initial, theme, hyperlinks, elapsedMs, events, onReload, onPosition, onKey, readSource } = props;
  // Keys can arrive faster than React re-renders; each must see the state the previous one left,
  // so the latest state lives in a ref and React's copy only drives painting.
  const latest = useRef(initial);
  const [state, setState] = useState(initial);
  // What the slide screen is made of besides the state, as of the last frame written.
  const view = useRef<SlideView | null>(null);
  const apply = useCallback((command: Command) => {
    const before = latest.current;
    const after = (latest.current = reduce(before, command));
    if (after.paused !== before.paused) props.onPause?.(after.paused);
    // On the slide screen a key's frame is written at once, before React renders; the render then
    // finds those rows on screen and writes nothing (or only what differs, were anything to).
    // Images are drawn over the frame React has rendered, so a deck with images waits for it.
    if (view.current && after.overlay.kind === 'none' && !after.quit && !props.presenterView && !props.images) {
      props.screen.show(slideFrame(after, view.current), view.current.columns, view.current.theme.background);
    }
    setState(after);
  }, []);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const elapsed = useElapsed(elapsedMs, state.paused);

  useEffect(() => events.subscribe(apply), [events, apply]);
  const [imageVersion, setImageVersion] = useState(0);
  useEffect(() => {
    if (!props.images) return undefined;
    const images = props.images;
    const unsubscribe = images.subscribe(() => setImageVersion(images.version()));
    // An image read before this subscription was made is drawn now.
    setImageVersion(images.version());
    return unsubscribe;
  }, [props.images]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    onPosition?.(state);
    props.exec?.arrive(latest.current);
  }, [state.position, state.deck]);
  const extrasOf = (of: PresentState) => ({
    exec: props.exec ? { ...props.exec.layout, runs: of.runs } : undefined,
    images: props.images?.layout,
    extrasKey: `${runsId(of.runs)}:${imageVersion}`,
  });
  const extras = extrasOf(state);
  // Lay out and paint the neighbouring positions while the speaker talks, so the next key only
  // compares rows and writes the changed ones. They are laid out as the frame will be (the same
  // runs and images, and the rows a status line leaves), or the layout cache would miss them.
  useEffect(() => {
    const heights = props.statusLine ? [rows, rows - 1] : [rows];
    const timer = setTimeout(() => {
      for (const height of heights) {
        for (const position of [next(state.deck, state.position), previous(state.deck, state.position)]) {
          props.screen.prepare(layoutScreen({ deck: state.deck, position, theme, columns, rows: height, elapsedMs: 0, hyperlinks, ...extras }), columns, theme.background);
        }
      }
    }, 30);
    return () => clearTimeout(timer);
  }, [state.deck, state.position, theme, columns, rows, hyperlinks, extras.extrasKey]);

  // Auto-advance: the slide's time is counted in talk time from when it was entered, so a pause
  // holds it and a resume takes it up where it stood.
  const entered = useRef({ slide: -1, atMs: 0 });
  useEffect(() => {
    const every = props.autoAdvanceMs;
    if (!every) return;
    if (entered.current.slide !== state.position.slide) entered.current = { slide: state.position.slide, atMs: elapsedMs() };
    if (state.paused || state.position.slide >= state.deck.slides.length - 1) return;
    const timer = setTimeout(() => apply({ kind: 'advance' }), Math.max(0, every - (elapsedMs() - entered.current.atMs)));
    return () => clearTimeout(timer);
  }, [state.position.slide, state.paused, state.deck, props.autoAdvanceMs]);

  const isReply = useRef(createReplyFilter()).current;
  const qa = useAnswers(state.overlay.kind === 'answers', props.answers);
  const ask = (query: string) => (qa.ready && query.trim() ? qa.ready.search(query, ANSWER_LIMIT) : []);
  // The key handler reads the search as of the last render, not as of the render that attached it:
  // Ink attaches a new handler only after the frame showing the answers is on screen, and an Enter
  // in between found no index yet and was lost (seen once in the e2e test on a loaded machine).
  const askNow = useRef(ask);
  askNow.current = ask;

  useInput((input, key) => {
    onKey?.();
    if (isReply(input)) return;
    for (const [char, press] of splitKeys(input, key)) {
      const command = keyToCommand(char, press, latest.current, props.keymap);
      if (!command) continue;
      const overlay = latest.current.overlay;
      if (command.kind === 'answers-pick' && overlay.kind === 'answers') {
        const picked = pickAnswer(askNow.current(overlay.query), overlay.selected);
        if (picked) apply(picked);
        continue;
      }
      apply(command);
      if (command.kind === 'reload') onReload();
      if (command.kind === 'exec') props.exec?.run(latest.current);
      if (command.kind === 'exec-stop') props.exec?.stop();
    }
  });

  const banner = bannerFor(state);
  const highlight = highlightFor(state);
  // The slide under the search prompt (whose banner it draws); the other screens are made by screenLines.
  const searchLines = useMemo(
    () =>
      state.overlay.kind === 'search-input'
        ? layoutScreen({ deck: state.deck, position: state.position, theme, columns, rows, elapsedMs: elapsed, hyperlinks, banner, highlight, ...extras })
        : null,
    [state.deck, state.position.slide, state.position.step, state.overlay.kind, state.runs, theme, columns, rows, elapsed, hyperlinks, banner?.kind, banner?.text, highlight, imageVersion],
  );
  const lines = screenLines();
  // The images of this frame are drawn after it is painted, placed by the frame on screen (the slide
  // over a rehearsal's status line is laid out one row shorter); overlays, a blank screen and other
  // screens have none.
  props.onFrame?.(state.overlay.kind === 'none' && !props.presenterView ? lines : searchLines);
  // The frame is written by the screen writer once React has committed, only the rows that
  // changed; Ink draws nothing, so the screen has one writer and Ink's output stage (which re-reads
  // the whole screen every frame) never runs.
  useLayoutEffect(() => {
    view.current = { theme, columns, rows, elapsed, hyperlinks, extras: extrasOf, statusLine: props.statusLine };
    props.screen.show(lines, columns, theme.background);
  });
  return null;

  /** The frame of the state: the slide, an overlay, the presenter view, or the slide over the status line. */
  function screenLines(): readonly StyledLine[] {
    if (state.overlay.kind === 'blank') return Array.from({ length: rows }, (): StyledLine => []);
    if (state.overlay.kind === 'answers') {
      const found = qa.failed ? [] : qa.ready ? ask(state.overlay.query) : null;
      return answersLines(qa.failed ? `${state.overlay.query} (${qa.failed})` : state.overlay.query, found, state.overlay.selected, theme, columns, rows);
    }
    if (state.overlay.kind === 'passage') return passageLines(state.overlay.answer, theme, columns, rows);
    if (state.overlay.kind === 'sources') return sourcesLines(state, state.overlay.scroll, theme, columns, rows, readSource);
    if (props.presenterView && state.overlay.kind === 'none') {
      return layoutPresenterView({ deck: state.deck, position: state.position, theme, columns, rows, elapsedMs: elapsed, hyperlinks, banner, highlight, read: readSource });
    }
    if (state.overlay.kind === 'none') return slideFrame(state, { theme, columns, rows, elapsed, hyperlinks, extras: extrasOf, statusLine: props.statusLine });
    if (state.overlay.kind === 'help') return helpLines(theme, columns, rows, props.keymap);
    if (state.overlay.kind === 'overview') return overviewLines(state.deck, state.overlay.selected, theme, columns, rows);
    return searchLines ?? [];
  }
}

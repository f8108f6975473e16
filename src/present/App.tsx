import { renderToString, useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { layoutScreen, padLine, sanitizeText, truncateLine, type Banner, type StyledLine } from '../render/index.js';
import { Lines } from '../render/ink.js';
import type { ExecLayout, ImageLayout } from '../render/index.js';
import { next, previous } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { keyToCommand, splitKeys, type Keymap } from './keymap.js';
import { layoutPresenterView, layoutSources, type SourceReader } from './notes-view.js';
import { helpLines, overviewLines } from './overlays.js';
import { reduce, type Command, type PresentState } from './state.js';

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
  /** Running code: Ctrl-E, Ctrl-C while a snippet runs, arriving at a slide. */
  exec?: { layout: Omit<ExecLayout, 'runs'>; run(state: PresentState): void; stop(): void; arrive(state: PresentState): void };
  /** Images: how the layout draws them, and the store's version (which changes as images are read and encoded). */
  images?: { layout: ImageLayout; version(): number; subscribe(listener: () => void): () => void };
  /** Hears every frame's lines (the images are drawn over them). */
  onFrame?: (lines: readonly StyledLine[] | null) => void;
}

/** A number for each distinct map of runs, for the layout cache's key. */
const runIds = new WeakMap<object, number>();
let nextRunId = 0;
function runsId(runs: object): number {
  let id = runIds.get(runs);
  if (id === undefined) runIds.set(runs, (id = nextRunId++));
  return id;
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

  useInput((input, key) => {
    onKey?.();
    for (const [char, press] of splitKeys(input, key)) {
      const command = keyToCommand(char, press, latest.current, props.keymap);
      if (!command) continue;
      apply(command);
      if (command.kind === 'reload') onReload();
      if (command.kind === 'exec') props.exec?.run(latest.current);
      if (command.kind === 'exec-stop') props.exec?.stop();
    }
  });

  const banner = bannerFor(state);
  const extras = {
    exec: props.exec ? { ...props.exec.layout, runs: state.runs } : undefined,
    images: props.images?.layout,
    extrasKey: `${runsId(state.runs)}:${imageVersion}`,
  };
  const slideLines = useMemo(
    () =>
      state.overlay.kind === 'none' && !props.presenterView
        ? layoutScreen({ deck: state.deck, position: state.position, theme, columns, rows, elapsedMs: elapsed, hyperlinks, banner, ...extras })
        : null,
    [state.deck, state.position.slide, state.position.step, state.overlay.kind, state.runs, theme, columns, rows, elapsed, hyperlinks, banner?.kind, banner?.text, imageVersion],
  );
  // The images of this frame are drawn after it is painted; overlays and other screens have none.
  props.onFrame?.(slideLines);
  if (state.overlay.kind === 'sources') {
    return <Lines lines={sourcesLines(state, state.overlay.scroll, theme, columns, rows, readSource)} theme={theme} columns={columns} />;
  }
  if (props.presenterView && state.overlay.kind === 'none') {
    const lines = layoutPresenterView({ deck: state.deck, position: state.position, theme, columns, rows, elapsedMs: elapsed, hyperlinks, banner, read: readSource });
    return <Lines lines={lines} theme={theme} columns={columns} />;
  }
  const status = props.statusLine?.(state, elapsed, columns) ?? null;
  if (status && state.overlay.kind === 'none') {
    const screen = layoutScreen({ deck: state.deck, position: state.position, theme, columns, rows: rows - 1, elapsedMs: elapsed, hyperlinks, banner, ...extras });
    return <Lines lines={[...screen, padLine(truncateLine(status, columns), columns)]} theme={theme} columns={columns} />;
  }
  if (state.overlay.kind === 'help') return <Lines lines={helpLines(theme, columns, rows, props.keymap)} theme={theme} columns={columns} />;
  if (state.overlay.kind === 'overview') {
    return <Lines lines={overviewLines(state.deck, state.overlay.selected, theme, columns, rows)} theme={theme} columns={columns} />;
  }
  return <Lines lines={slideLines ?? []} columns={columns} background={theme.background} />;
}

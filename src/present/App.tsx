import { useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer, useState } from 'react';
import { Lines, SlideScreen } from '../render/index.js';
import type { Theme } from '../theme/index.js';
import { keyToCommand } from './keymap.js';
import { helpLines, overviewLines } from './overlays.js';
import { reduce, type Banner, type Command, type PresentState } from './state.js';

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

/** The presenter: one slide on the full screen, keys to move, overlays for help, overview and search. */
export function App({ initial, theme, hyperlinks, elapsedMs, events, onReload, onPosition }: AppProps) {
  const [state, dispatch] = useReducer(reduce, initial);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const elapsed = useElapsed(elapsedMs);

  useEffect(() => events.subscribe(dispatch), [events]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    onPosition?.(state);
  }, [state.position, state.deck]);

  useInput((input, key) => {
    const command = keyToCommand(input, key, state);
    if (!command) return;
    dispatch(command);
    if (command.kind === 'reload') onReload();
  });

  if (state.overlay.kind === 'help') return <Lines lines={helpLines(theme, columns, rows)} theme={theme} columns={columns} />;
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
      banner={bannerFor(state)}
    />
  );
}

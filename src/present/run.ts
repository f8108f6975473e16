import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createElement } from 'react';
import { render } from 'ink';
import type { Deck } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { App, type CommandSource } from './App.js';
import { initialState, type Command, type PresentState } from './state.js';

/** Escape sequences for the alternate screen and the cursor. */
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';

export interface PresentOptions {
  deckPath: string;
  deck: Deck;
  theme: Theme;
  hyperlinks: boolean;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Re-reads the deck; returns the deck or a message saying why it could not be used. */
  loadDeck: (path: string) => Deck | string;
  /** Files the deck reads besides itself (includes), watched for changes too. */
  watchFiles?: (deck: Deck) => string[];
  onPosition?: (state: PresentState) => void;
  now?: () => number;
}

/** A tiny event hub: reload results reach the App through it. */
function createCommandSource(): CommandSource & { emit(command: Command): void } {
  const listeners = new Set<(command: Command) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(command) {
      for (const listener of listeners) listener(command);
    },
  };
}

/**
 * Watches the deck's folder (editors often save by writing a new file and renaming it over the
 * old one, which a watch on the file itself would miss) and calls back, debounced, when one of
 * the named files changes.
 */
function watchDeck(files: () => string[], onChange: () => void): { refresh(): void; close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let wanted = new Map<string, Set<string>>();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 60);
  };
  const refresh = () => {
    wanted = new Map<string, Set<string>>();
    for (const file of files()) {
      const dir = dirname(resolve(file));
      if (!wanted.has(dir)) wanted.set(dir, new Set());
      wanted.get(dir)!.add(basename(file));
    }
    for (const [dir, watcher] of watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => {
          if (!name || wanted.get(dir)?.has(name.toString())) schedule();
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // The folder may be gone for a moment (deleted and re-created); the next reload retries.
      }
    }
  };
  refresh();
  return {
    refresh,
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/**
 * Presents a deck full-screen until the user quits. Whatever happens (quit, a signal, a crash),
 * the terminal is given back as it was: main screen, cursor shown, raw mode off.
 * Resolves with the exit code.
 */
export async function presentDeck(options: PresentOptions): Promise<number> {
  const { stdout, stdin } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const events = createCommandSource();
  let current = options.deck;

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      instance?.unmount();
    } catch {
      // Unmounting a crashed tree can throw; the escape codes below still restore the screen.
    }
    if (stdin.isTTY) {
      try {
        stdin.setRawMode(false);
      } catch {
        // stdin may already be closed.
      }
    }
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };

  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolveFinished) => {
    finish = (code) => {
      restore();
      resolveFinished(code);
    };
  });

  const signals: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  const onSignal = signals.map(([signal, code]) => {
    const handler = () => finish(code);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const onCrash = (error: unknown) => {
    restore();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`talkdeck: internal error: ${message}\n`);
    finish(70);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  // Last resort: a process.exit from anywhere still leaves the terminal usable.
  process.on('exit', restore);

  const reload = () => {
    const result = options.loadDeck(options.deckPath);
    if (typeof result === 'string') {
      events.emit({ kind: 'deck-failed', message: result });
      return;
    }
    current = result;
    watcher.refresh();
    events.emit({ kind: 'deck-loaded', deck: result });
  };
  const watcher = watchDeck(() => [options.deckPath, ...(options.watchFiles?.(current) ?? [])], reload);

  stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  let instance: ReturnType<typeof render> | undefined;
  try {
    instance = render(
      createElement(App, {
        initial: initialState(options.deck),
        theme: options.theme,
        hyperlinks: options.hyperlinks,
        elapsedMs: () => now() - startedAt,
        events,
        onReload: reload,
        onPosition: options.onPosition,
      }),
      { stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 120 },
    );
    instance.waitUntilExit().then(
      () => finish(0),
      (error: unknown) => onCrash(error),
    );
  } catch (error) {
    onCrash(error);
  }

  const code = await finished;
  watcher.close();
  for (const [signal, handler] of onSignal) process.off(signal, handler);
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  process.off('exit', restore);
  return code;
}

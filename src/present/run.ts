import { resolve } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { render, type RenderOptions } from 'ink';
import type { Deck, Position } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { App, type AppProps, type CommandSource } from './App.js';
import { openPublisher, PRESENTERM_PORT, type PresenterStatus, type Publisher } from './channel.js';
import type { SourceReader } from './notes-view.js';
import { DEFAULT_KEYMAP, keyLabel, type Keymap } from './keymap.js';
import { ExecController } from './exec-controller.js';
import { deckHasImages, openImages } from './images.js';
import { createScreenWriter } from '../render/index.js';
import type { ExecSettings } from './exec-controller.js';
import type { ImageSettings } from './images.js';
import { watchDeck } from './watch.js';
import { initialState, type Banner, type Command, type PresentState } from './state.js';
import { createTalkClock, type TalkClock } from './talk-clock.js';

import { ENTER_SCREEN, EXIT_SIGNALS, LEAVE_SCREEN } from './terminal.js';

export interface PresentOptions {
  deckPath: string;
  deck: Deck;
  theme: Theme;
  hyperlinks: boolean;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Re-reads the deck; returns the deck or a message saying why it could not be used. */
  loadDeck: (path: string) => Promise<Deck | string>;
  /** Files the deck reads besides itself (includes), watched for changes too. */
  watchFiles?: (deck: Deck) => string[];
  onPosition?: (state: PresentState) => void;
  /** Q&A over the source articles, loaded when `a` is first pressed. */
  answers?: AppProps['answers'];
  /** Handed a way to move the presenter from elsewhere (the audience server's remote). */
  control?: (move: (command: 'next' | 'previous' | 'first') => void) => void;
  now?: () => number;
  /** Reads cited articles (paths relative to the deck). */
  readSource: SourceReader;
  /** Slide and notes side by side. */
  presenterView?: boolean;
  /** The keys (default: DEFAULT_KEYMAP); a configuration may change them. */
  keymap?: Keymap;
  /** Running `+exec` blocks (Ctrl-E): allowed or not, executors, timeout. */
  exec?: ExecSettings;
  /** How images are shown: the protocol asked for (`auto` detects), and how to read an image's bytes. */
  images?: ImageSettings;
  /** A line over the footer, e.g. the rehearsal bar. */
  statusLine?: AppProps['statusLine'];
  /**
   * Tell followers (`talkdeck notes`) where the talk is, over the private channel in `dir`; with
   * `presenterm`, in its protocol too, to `presentermPort`.
   */
  publish?: PublishOptions | null;
  /** The channel to followers, opened already (presentDeck opens it before the screen is taken). */
  publisher?: Publisher | null;
  /** Where the channel opened by presentDeck asks for the presenter's status; runPresenter fills it in. */
  statusHolder?: { current: () => PresenterStatus };
  /** The alternate screen is entered and the first frame painted already. */
  entered?: boolean;
  /** Where the talk starts: the position reached before the presenter loaded (default the first slide). */
  initialPosition?: Position;
  /** The talk's clock (default: one started when the presenter starts); `t` pauses it. */
  clock?: TalkClock;
  /** Move to the next slide after this long on a slide (Ignite, PechaKucha); null or unset for never. */
  autoAdvanceMs?: number | null;
  /** A message shown over the first slide until the first key (e.g. what auto-advance does). */
  banner?: Banner | null;
  /** Receives `key` and `frame` events with a monotonic time in ms, for the benchmark. */
  trace?: (event: 'key' | 'frame' | 'first-frame' | 'mark', atMs: number, label?: string) => void;
}

/** How a presenter tells its followers where it is. */
export interface PublishOptions {
  /** Also send presenterm's datagrams (every local user can read them). */
  presenterm: boolean;
  /** presenterm's port (default PRESENTERM_PORT). */
  presentermPort?: number;
  /** The private channel's folder (see notesChannelDir). */
  dir: string;
}

/**
 * Opens the notes channel a presenter publishes on. Throws ChannelError (a located error the user
 * can act on) when its folder is not private or another presenter of the deck holds it.
 */
export function openPresenterChannel(deckPath: string, publish: PublishOptions, status: () => PresenterStatus): Promise<Publisher> {
  return openPublisher(resolve(deckPath), {
    dir: publish.dir,
    status,
    presenterm: publish.presenterm ? { port: publish.presentermPort ?? PRESENTERM_PORT } : null,
  });
}

/** A tiny event hub: reload results reach the App through it. */
function createCommandSource(): CommandSource & { emit(command: Command): void } {
  const listeners = new Set<(command: Command) => void>();
  // Commands sent before the App has subscribed (a remote's first press while the presenter loads) wait for it.
  const early: Command[] = [];
  return {
    subscribe(listener) {
      listeners.add(listener);
      for (const command of early.splice(0)) listener(command);
      return () => listeners.delete(listener);
    },
    emit(command) {
      if (listeners.size === 0) early.push(command);
      for (const listener of listeners) listener(command);
    },
  };
}

/**
 * The terminal as Ink sees it when the screen writer paints: its size, its events and its modes,
 * but none of Ink's writes reach it. Ink would otherwise clear the screen on each render where it
 * takes the terminal to be filled, which one of 0 rows (a pseudo-terminal given no size) always is.
 * An empty write, which Ink makes to know that earlier writes are done before it resolves its
 * exit, still goes through.
 */
function silentStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
    const done = (typeof encoding === 'function' ? encoding : callback) as ((error?: Error | null) => void) | undefined;
    if (chunk.length === 0) return stdout.write(chunk, done);
    if (done) process.nextTick(done);
    return true;
  };
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Options of Ink's render that the full-screen runner passes through. */
type InkOptions = Pick<RenderOptions, 'onRender'>;

/**
 * Shows an Ink element full-screen on the alternate screen until it exits. Whatever happens
 * (quit, SIGINT, SIGTERM, SIGHUP, an uncaught exception or rejection), the terminal is given back
 * as it was: main screen, cursor shown, raw mode off. Resolves with the exit code.
 */
export async function runFullScreen(
  element: ReactElement,
  /** `inkStdout` is the stream Ink is given (default `stdout`), e.g. one that writes nothing. */
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; inkStdout?: NodeJS.WriteStream },
  inkOptions: InkOptions = {},
  /** The screen is already entered and painted (the first frame, drawn before Ink loaded). */
  entered = false,
  /** Written just before the main screen comes back (kitty's images deleted). */
  beforeLeave?: () => string,
): Promise<number> {
  const { stdin, stdout } = io;
  let instance: ReturnType<typeof render> | undefined;
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
    stdout.write((beforeLeave?.() ?? '') + LEAVE_SCREEN);
  };

  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolveFinished) => {
    finish = (code) => {
      restore();
      resolveFinished(code);
    };
  });
  const onSignal = EXIT_SIGNALS.map(([signal, code]) => {
    const handler = () => finish(code);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  let crashed = false;
  const onCrash = (error: unknown) => {
    // Once is enough: when the terminal itself is gone, every write fails again.
    if (crashed) return;
    crashed = true;
    restore();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`talkdeck: internal error: ${message}\n`);
    finish(70);
  };
  // A terminal that closed under us (EIO, EPIPE) ends the show; it is no crash to report.
  const onStreamError = () => finish(129);
  stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  // Last resort: a process.exit from anywhere still leaves the terminal usable.
  process.on('exit', restore);

  // Ink paints from the cursor: put it home, over the first frame when one was drawn.
  stdout.write(entered ? '\x1b[H' : ENTER_SCREEN);
  try {
    instance = render(element, { stdout: io.inkStdout ?? stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 120, ...inkOptions });
    instance.waitUntilExit().then(
      () => finish(0),
      (error: unknown) => onCrash(error),
    );
  } catch (error) {
    onCrash(error);
  }
  const code = await finished;
  for (const [signal, handler] of onSignal) process.off(signal, handler);
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  process.off('exit', restore);
  stdout.off('error', onStreamError);
  process.stderr.off('error', onStreamError);
  return code;
}

/**
 * Presents a deck full-screen until the user quits. Whatever happens (quit, a signal, a crash),
 * the terminal is given back as it was: main screen, cursor shown, raw mode off.
 * Resolves with the exit code.
 */
export async function runPresenter(options: PresentOptions): Promise<number> {
  const { stdout, stdin } = options;
  const clock = options.clock ?? createTalkClock(options.now ?? Date.now);
  const events = createCommandSource();
  options.control?.((kind) => events.emit({ kind }));
  let current = options.deck;
  let position: Position = options.initialPosition ?? { slide: 0, step: 0 };
  const status = () => ({ ...position, elapsedMs: clock.elapsedMs(), paused: clock.paused });
  // Opened by presentDeck before the screen was taken, so that a channel that cannot be opened is
  // a message and not a talk without followers.
  const publisher: Publisher | null = options.publisher ?? null;
  if (options.statusHolder) options.statusHolder.current = status;
  publisher?.publish(status());

  const reload = async () => {
    const result = await options.loadDeck(options.deckPath);
    if (typeof result === 'string') {
      events.emit({ kind: 'deck-failed', message: result });
      return;
    }
    current = result;
    watcher.refresh();
    events.emit({ kind: 'deck-loaded', deck: result });
  };
  const watcher = watchDeck(() => [options.deckPath, ...(options.watchFiles?.(current) ?? [])], () => void reload());

  const execController = new ExecController(options.exec, (command) => events.emit(command));
  const execKey = (options.keymap ?? DEFAULT_KEYMAP).find((binding) => binding.action === 'exec')?.keys[0];
  const exec = {
    layout: { enabled: Boolean(options.exec?.enabled), replaceEnabled: Boolean(options.exec?.replaceEnabled), key: execKey ? keyLabel(execKey) : undefined },
    run: (state: PresentState) => execController.runSlide(state),
    stop: () => execController.stopAll(),
    arrive: (state: PresentState) => execController.arrive(state),
  };
  // Images: only for a deck that has some, and then sharp is loaded only when one is shown.
  const pictures = options.images && deckHasImages(options.deck) ? await openImages(options.images, stdin, stdout) : null;
  let frameLines: readonly import('../render/index.js').StyledLine[] | null = null;
  // The frames' one writer: Ink draws nothing. Images are drawn over each frame, in the same update.
  const screen = createScreenWriter({
    write: (bytes) => void stdout.write(bytes),
    sync: stdout.isTTY === true,
    after: pictures ? () => pictures.store.overlay(frameLines ?? []) : undefined,
    onFrame: options.trace && ((rows) => options.trace?.('frame', performance.now(), `rows=${rows}`)),
  });
  const listeners = new Set<() => void>();
  pictures?.onChange(() => {
    for (const listener of listeners) listener();
    screen.refresh();
  });

  const code = await runFullScreen(
    createElement(App, {
      initial: { ...initialState(options.deck, position), banner: options.banner ?? null },
      theme: options.theme,
      hyperlinks: options.hyperlinks,
      elapsedMs: () => clock.elapsedMs(),
      onPause: (paused: boolean) => {
        clock.setPaused(paused);
        publisher?.publish(status());
      },
      autoAdvanceMs: options.autoAdvanceMs,
      events,
      onReload: () => void reload(),
      onPosition: (state: PresentState) => {
        position = state.position;
        publisher?.publish(status());
        options.onPosition?.(state);
      },
      readSource: options.readSource,
      presenterView: options.presenterView,
      statusLine: options.statusLine,
      keymap: options.keymap,
      answers: options.answers,
      onKey: options.trace && (() => options.trace?.('key', performance.now())),
      exec: exec,
      images: pictures
        ? {
            layout: pictures.store.layout(),
            version: () => pictures.store.version,
            subscribe: (listener: () => void) => {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
          }
        : undefined,
      onFrame: (lines: readonly import('../render/index.js').StyledLine[] | null) => {
        frameLines = lines;
      },
      screen,
    }),
    { stdin, stdout, inkStdout: silentStdout(stdout) },
    {},
    options.entered,
    pictures ? () => pictures.store.clear() : undefined,
  );
  execController.stopAll();
  watcher.close();
  await publisher?.close();
  return code;
}

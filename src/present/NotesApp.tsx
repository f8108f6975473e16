import { useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { resolve } from 'node:path';
import type { Deck } from '../deck/index.js';
import { sanitizeText, truncateLine, type StyledLine } from '../render/index.js';
import { Lines } from '../render/ink.js';
import type { Theme } from '../theme/index.js';
import { openFollower, PRESENTERM_PORT, type PresenterStatus } from './channel.js';
import { helpRows, notesKeyAction, NOTES_KEYMAP } from './keymap.js';
import { layoutNotesScreen, type SourceReader } from './notes-view.js';
import { createReplyFilter } from './terminal-replies.js';
import { runFullScreen } from './run.js';
import { watchDeck } from './watch.js';
import { createElement } from 'react';
import { useAnswers } from './App.js';
import { answersLines, passageLines } from './overlays.js';
import type { AnswerSearch, AnswerView } from './state.js';

/** The notes view's Q&A screen (`a`): the question, the answer chosen, or one passage shown. */
type NotesOverlay = { kind: 'none' } | { kind: 'answers'; query: string; selected: number } | { kind: 'passage'; answer: AnswerView };

interface NotesAppProps {
  deck: Deck;
  theme: Theme;
  read: SourceReader;
  /** Subscribes to presenter news; returns an unsubscribe function. */
  subscribe(listener: (event: NotesEvent) => void): () => void;
  now: () => number;
  /** The line under the header once the presenter is heard from, e.g. pacing; made anew for each deck. */
  statusLine?: (deck: Deck) => NotesStatusLine;
  /** Whether presenterm's datagrams are listened to as well. */
  listensToPresenterm: boolean;
  /** The deck's path as the user gave it, for the advice shown while no presenter is heard. */
  shownPath: string;
  /** Q&A over the source articles, loaded when `a` is first pressed. */
  answers?: () => Promise<AnswerSearch>;
}

/** What the follower knows of the talk: the presenter's slide, the talk's time and the time on this slide. */
export interface FollowedTime {
  slide: number;
  elapsedMs: number;
  slideElapsedMs: number;
}

/** A line for the notes view from where the talk is, `columns` wide; null for none. */
export type NotesStatusLine = (time: FollowedTime, columns: number) => StyledLine | null;

export type NotesEvent =
  | { kind: 'status'; status: PresenterStatus }
  | { kind: 'exit' }
  | { kind: 'deck'; deck: Deck };

interface Following {
  status: PresenterStatus | null;
  /** Local time the status arrived, to keep the clock running between messages. */
  receivedAt: number;
  /** The talk's time when the presenter was first seen on its current slide (pauses not counted). */
  slideSince: number;
  ended: boolean;
}

/** The follower's screen: the presenting instance's current slide as the speaker needs it. */
/** The follower's `?` screen: its keys, from the one keymap. */
function notesHelp(theme: Theme, columns: number, rows: number): StyledLine[] {
  const entries = helpRows(NOTES_KEYMAP);
  const keyWidth = Math.max(...entries.map(([keys]) => keys.length)) + 2;
  const left = { text: ' '.repeat(theme.margin.horizontal), style: {} };
  const lines: StyledLine[] = [
    [left, { text: 'Keys of talkdeck notes', style: theme.headings.h2 }],
    [],
    ...entries.map(([keys, what]): StyledLine => [left, { text: keys.padEnd(keyWidth), style: theme.strong }, { text: what, style: theme.text }]),
    [],
    [left, { text: 'The talk moves with the presenter; these keys only move this view.', style: { ...theme.text, dim: true } }],
    [left, { text: 'Press any key to return.', style: { ...theme.text, dim: true } }],
  ];
  const out = lines.slice(0, rows).map((line) => truncateLine(line, columns));
  while (out.length < rows) out.push([]);
  return out;
}

function NotesApp({ deck: initialDeck, theme, read, subscribe, now, statusLine, shownPath, listensToPresenterm, answers }: NotesAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [deck, setDeck] = useState(initialDeck);
  const [following, setFollowing] = useState<Following>({ status: null, receivedAt: now(), slideSince: 0, ended: false });
  const line = useMemo(() => statusLine?.(deck), [deck, statusLine]);
  const [size, setSize] = useState({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [, setTick] = useState(0);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.kind === 'deck') setDeck(event.deck);
        else if (event.kind === 'exit') setFollowing((f) => ({ ...f, ended: true }));
        else {
          setFollowing((f) => ({
            status: event.status,
            receivedAt: now(),
            slideSince: f.status?.slide === event.status.slide ? f.slideSince : Math.max(0, event.status.elapsedMs),
            ended: false,
          }));
        }
      }),
    [subscribe],
  );
  useEffect(() => {
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    timer.unref();
    return () => {
      stdout.off('resize', onResize);
      clearInterval(timer);
    };
  }, [stdout]);
  const [scroll, setScroll] = useState({ slide: -1, lines: 0 });
  const [help, setHelp] = useState(false);
  const page = useRef({ lines: 10, max: 0 });
  const isReply = useRef(createReplyFilter()).current;
  const shownSlide = following.status?.slide ?? 0;
  // Q&A on the speaker's screen only: the presenter, and the audience, see nothing of it.
  const [overlay, setOverlayState] = useState<NotesOverlay>({ kind: 'none' });
  const qa = useAnswers(overlay.kind === 'answers', answers);
  const ask = (query: string) => (qa.ready && query.trim() ? qa.ready.search(query, 6) : []);
  // The key handler reads the overlay and the search as they are now, not as of the render that
  // attached it: keys that arrive before Ink attaches the next handler (a fast typist, a paste cut
  // in two, Enter right after the answers appear) would otherwise each start from the same old query.
  const overlayNow = useRef(overlay);
  overlayNow.current = overlay;
  const askNow = useRef(ask);
  askNow.current = ask;
  const setOverlay = (next: NotesOverlay) => {
    overlayNow.current = next;
    setOverlayState(next);
  };
  useInput((input, key) => {
    if (isReply(input)) return;
    const overlay = overlayNow.current;
    const ask = askNow.current;
    if (overlay.kind === 'answers') {
      if (key.ctrl && input === 'c') return exit();
      if (key.escape) setOverlay({ kind: 'none' });
      else if (key.return) {
        const answer = ask(overlay.query)[Math.min(overlay.selected, 5)];
        if (answer) setOverlay({ kind: 'passage', answer });
      } else if (key.downArrow || key.tab) setOverlay({ ...overlay, selected: overlay.selected + 1 });
      else if (key.upArrow) setOverlay({ ...overlay, selected: Math.max(0, overlay.selected - 1) });
      else if (key.backspace || key.delete) setOverlay({ ...overlay, query: [...overlay.query].slice(0, -1).join(''), selected: 0 });
      else if (input && !key.ctrl) setOverlay({ ...overlay, query: overlay.query + input, selected: 0 });
      return;
    }
    if (overlay.kind === 'passage') {
      if (key.ctrl && input === 'c') return exit();
      if (key.escape || key.return || input === 'q') setOverlay({ kind: 'none' });
      return;
    }
    const action = notesKeyAction(input, key);
    if (action === 'quit') return exit();
    if (help) return setHelp(false);
    const by = (delta: number) =>
      setScroll((s) => ({ slide: shownSlide, lines: Math.max(0, Math.min(page.current.max, (s.slide === shownSlide ? s.lines : 0) + delta)) }));
    switch (action) {
      case 'help':
        return setHelp(true);
      case 'answers':
        return setOverlay({ kind: 'answers', query: '', selected: 0 });
      case 'scroll-down':
        return by(1);
      case 'scroll-up':
        return by(-1);
      case 'page-down':
        return by(page.current.lines);
      case 'page-up':
        return by(-page.current.lines);
      case 'top':
        return by(-Infinity);
      case null:
        return;
    }
  });
  if (overlay.kind === 'answers') {
    const found = qa.failed ? [] : qa.ready ? ask(overlay.query) : null;
    return <Lines lines={answersLines(overlay.query, found, overlay.selected, theme, size.columns, size.rows)} theme={theme} columns={size.columns} />;
  }
  if (overlay.kind === 'passage') return <Lines lines={passageLines(overlay.answer, theme, size.columns, size.rows)} theme={theme} columns={size.columns} />;

  // A position past the end of the deck this follower has (the presenter's may be newer) shows its last slide.
  const status = following.status && { ...following.status, slide: Math.min(following.status.slide, Math.max(0, deck.slides.length - 1)) };
  let banner: StyledLine | null = null;
  if (!status) {
    banner = [
      {
        text: `waiting for the presenter: run \`talkdeck present ${sanitizeText(shownPath)}\` (or \`talkdeck rehearse\`) in another terminal${listensToPresenterm ? '; presenterm needs --publish-speaker-notes' : ''}`,
        style: theme.banner.info,
      },
    ];
  } else if (following.ended) banner = [{ text: 'the presenter has ended the talk', style: theme.banner.info }];
  const paused = Boolean(status?.paused);
  const elapsedMs = status && status.elapsedMs >= 0 ? status.elapsedMs + (following.ended || paused ? 0 : now() - following.receivedAt) : null;
  if (!banner && status && elapsedMs !== null && line) {
    banner = line({ slide: status.slide, elapsedMs, slideElapsedMs: Math.max(0, elapsedMs - following.slideSince) }, size.columns);
  }
  if (help) return <Lines lines={notesHelp(theme, size.columns, size.rows)} theme={theme} columns={size.columns} />;
  const screen = layoutNotesScreen({
    deck,
    slide: status?.slide ?? 0,
    step: status?.step ?? 0,
    elapsedMs,
    paused,
    theme,
    columns: size.columns,
    rows: size.rows,
    read,
    status: banner,
    // A new slide starts at the top of its notes.
    scroll: scroll.slide === shownSlide ? scroll.lines : 0,
  });
  page.current = { lines: Math.max(1, screen.page - 1), max: screen.maxScroll };
  return <Lines lines={screen.lines} theme={theme} columns={size.columns} />;
}

export interface FollowOptions {
  /** The line under the header, e.g. pacing from rehearse/; made anew for each deck. */
  statusLine?: (deck: Deck) => NotesStatusLine;
  deckPath: string;
  /** The deck's path as the user gave it, for messages. */
  shownPath?: string;
  deck: Deck;
  theme: Theme;
  read: SourceReader;
  loadDeck: (path: string) => Promise<Deck | string>;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  now?: () => number;
  /** The private channel's folder (see notesChannelDir). */
  channelDir: string;
  /** Also follow presenterm's speaker-notes datagrams, which every local user can send. */
  presenterm?: boolean;
  /** presenterm's port (default PRESENTERM_PORT). */
  presentermPort?: number;
  /** Q&A over the source articles (`a`), loaded when first asked for. */
  answers?: () => Promise<AnswerSearch>;
}

/** `talkdeck notes DECK`: follows the presenting instance of the same deck until `q`. */
export async function followNotes(options: FollowOptions): Promise<number> {
  const listeners = new Set<(event: NotesEvent) => void>();
  const emit = (event: NotesEvent) => listeners.forEach((listener) => listener(event));
  const follower = await openFollower(resolve(options.deckPath), {
    dir: options.channelDir,
    presenterm: options.presenterm ? { port: options.presentermPort ?? PRESENTERM_PORT } : null,
    status: (status) => emit({ kind: 'status', status }),
    exit: () => emit({ kind: 'exit' }),
  });
  const watcher = watchDeck(
    () => [options.deckPath],
    () => {
      void options.loadDeck(options.deckPath).then((result) => {
        if (typeof result !== 'string') emit({ kind: 'deck', deck: result });
      });
    },
  );
  const code = await runFullScreen(
    createElement(NotesApp, {
      deck: options.deck,
      theme: options.theme,
      read: options.read,
      now: options.now ?? Date.now,
      statusLine: options.statusLine,
      listensToPresenterm: Boolean(options.presenterm),
      shownPath: options.shownPath ?? options.deckPath,
      answers: options.answers,
      subscribe: (listener: (event: NotesEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
    options,
  );
  watcher.close();
  follower.close();
  return code;
}

import { useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { resolve } from 'node:path';
import type { Deck } from '../deck/index.js';
import type { StyledLine } from '../render/index.js';
import { Lines } from '../render/ink.js';
import type { Theme } from '../theme/index.js';
import { openFollower, PRESENTERM_PORT, type PresenterStatus } from './channel.js';
import { layoutNotesView, type SourceReader } from './notes-view.js';
import { runFullScreen } from './run.js';
import { watchDeck } from './watch.js';
import { createElement } from 'react';

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
  /** Local time the presenter was first seen on its current slide. */
  slideSince: number;
  ended: boolean;
}

/** The follower's screen: the presenting instance's current slide as the speaker needs it. */
function NotesApp({ deck: initialDeck, theme, read, subscribe, now, statusLine, listensToPresenterm }: NotesAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [deck, setDeck] = useState(initialDeck);
  const [following, setFollowing] = useState<Following>({ status: null, receivedAt: now(), slideSince: now(), ended: false });
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
            slideSince: f.status?.slide === event.status.slide ? f.slideSince : now(),
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
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
  });

  // A position past the end of the deck this follower has (the presenter's may be newer) shows its last slide.
  const status = following.status && { ...following.status, slide: Math.min(following.status.slide, Math.max(0, deck.slides.length - 1)) };
  let banner: StyledLine | null = null;
  if (!status) banner = [{ text: `waiting for the presenter (talkdeck present${listensToPresenterm ? ', or presenterm --publish-speaker-notes' : ''})…`, style: theme.banner.info }];
  else if (following.ended) banner = [{ text: 'the presenter has ended the talk', style: theme.banner.info }];
  const elapsedMs = status && status.elapsedMs >= 0 ? status.elapsedMs + (following.ended ? 0 : now() - following.receivedAt) : null;
  if (!banner && status && elapsedMs !== null && line) {
    banner = line({ slide: status.slide, elapsedMs, slideElapsedMs: now() - following.slideSince }, size.columns);
  }
  const lines = layoutNotesView({
    deck,
    slide: status?.slide ?? 0,
    step: status?.step ?? 0,
    elapsedMs,
    theme,
    columns: size.columns,
    rows: size.rows,
    read,
    status: banner,
  });
  return <Lines lines={lines} theme={theme} columns={size.columns} />;
}

export interface FollowOptions {
  /** The line under the header, e.g. pacing from rehearse/; made anew for each deck. */
  statusLine?: (deck: Deck) => NotesStatusLine;
  deckPath: string;
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

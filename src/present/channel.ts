import { createHash } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { chmodSync, lstatSync, mkdirSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { LocatedError } from '../deck/index.js';

/**
 * The notes channel between a presenting instance and its followers (`talkdeck notes`).
 *
 * Private by default: the presenter listens on a Unix domain socket in a folder only its user can
 * enter (`$XDG_RUNTIME_DIR/talkdeck/`, else a per-user folder in the temporary folder), mode 0700,
 * whose owner and mode both sides check before use. Another user can neither connect to read the
 * positions nor put a socket of theirs where a follower looks, so a follower hears only its own
 * user's presenter. Followers have no say: what they send is discarded. Any number may attach; one
 * that starts late is told where the talk is at once; one that starts early waits for the presenter.
 *
 * presenterm's protocol (UDP datagrams `{presentation_path, event: {command, slide, chunk}}`
 * broadcast on the loopback network) is spoken only when asked for: the presenter sends from
 * 127.0.0.1 with `--publish-speaker-notes`, and `notes --presenterm` listens on 127.255.255.255
 * (never 0.0.0.0) — as presenterm does. Every local user can read and send those datagrams.
 *
 * Every message is validated (slide and step non-negative integers, times finite), a follower
 * applies at most one position per frame however many arrive, and a presenter drops a follower that
 * sends, or cannot keep up.
 */

/** presenterm's speaker-notes port. */
export const PRESENTERM_PORT = 59418;
/** Where presenterm listens for, and sends, speaker-notes datagrams: the loopback broadcast address. */
export const PRESENTERM_ADDRESS = '127.255.255.255';
/** The longest message a follower reads; a longer line ends the connection. */
const MAX_MESSAGE_BYTES = 4096;
/** How many followers a presenter serves at once. */
const MAX_FOLLOWERS = 64;
/** How many followers may attach in a second; more are turned away before any work is done for them. */
const MAX_ATTACH_PER_SECOND = 20;
/** A follower that has this much waiting to be sent is not reading: it is dropped. */
const MAX_BACKLOG_BYTES = 64 * 1024;
/** How often a follower looks for a presenter that is not there yet, or has gone. */
const RETRY_MS = 200;
/** Positions are applied at most this often; the latest wins. */
const APPLY_EVERY_MS = 16;

/** Where the presenter is, as followers see it. */
export interface PresenterStatus {
  /** 0-based slide and reveal step. */
  slide: number;
  step: number;
  /** Milliseconds since the talk started; -1 when unknown (presenterm does not say). */
  elapsedMs: number;
}

export type ChannelMessage = ({ talkdeck: 1; kind: 'status' } & PresenterStatus) | { talkdeck: 1; kind: 'exit' };

/** The notes channel cannot be opened: a folder that is not private, a socket or port taken. */
export class ChannelError extends LocatedError {
  override name = 'ChannelError';
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A status whose numbers can be trusted, or null. */
function validStatus(slide: unknown, step: unknown, elapsedMs: unknown): PresenterStatus | null {
  if (!isIndex(slide) || !isIndex(step)) return null;
  if (typeof elapsedMs !== 'number' || !Number.isFinite(elapsedMs) || (elapsedMs < 0 && elapsedMs !== -1) || elapsedMs > 7 * 24 * 3600 * 1000) return null;
  return { slide, step, elapsedMs };
}

function parseJson(data: Buffer | string): Record<string, unknown> | null {
  if (data.length > MAX_MESSAGE_BYTES) return null;
  try {
    const value: unknown = JSON.parse(data.toString());
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A line from the private channel as a status or `exit`; null when malformed. */
export function decodeMessage(data: Buffer | string): PresenterStatus | 'exit' | null {
  const record = parseJson(data);
  if (record === null || record.talkdeck !== 1) return null;
  if (record.kind === 'exit') return 'exit';
  if (record.kind === 'status') return validStatus(record.slide, record.step, record.elapsedMs);
  return null;
}

/** A presenterm datagram for `deck` as a status or `exit`; null when malformed or for another deck. */
export function decodePresenterm(data: Buffer | string, deck: string): PresenterStatus | 'exit' | null {
  const record = parseJson(data);
  if (record === null || record.presentation_path !== deck) return null;
  const event = record.event as Record<string, unknown> | undefined;
  if (typeof event !== 'object' || event === null) return null;
  if (event.command === 'Exit') return 'exit';
  if (event.command === 'GoTo') return validStatus(event.slide, event.chunk ?? 0, -1);
  return null;
}

/**
 * The folder of the private channel: `$XDG_RUNTIME_DIR/talkdeck` where the variable names a folder
 * of the user's own (as the login session makes it), else `talkdeck-UID` in the temporary folder.
 * (After `su`, XDG_RUNTIME_DIR may still name the first user's folder: that one is not used.)
 */
export function notesChannelDir(env: { XDG_RUNTIME_DIR?: string }, tmpdir: string, uid = process.getuid?.() ?? 0): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && runtime.startsWith('/')) {
    try {
      if (statSync(runtime).uid === uid) return join(runtime, 'talkdeck');
    } catch {
      // Not there: the temporary folder instead.
    }
  }
  return join(tmpdir, `talkdeck-${uid}`);
}

/** The socket a presenter of `deck` (an absolute path) listens on, in the channel folder `dir`. */
export function notesSocketPath(dir: string, deck: string): string {
  return join(dir, `${createHash('sha256').update(deck).digest('hex').slice(0, 24)}.sock`);
}

function folderProblem(stats: Stats): string | null {
  const uid = process.getuid?.();
  if (stats.isSymbolicLink()) return 'is a symbolic link';
  if (!stats.isDirectory()) return 'is not a folder';
  if (uid !== undefined && stats.uid !== uid) return `belongs to another user (uid ${stats.uid})`;
  if ((stats.mode & 0o077) !== 0) return `can be entered by other users (mode ${(stats.mode & 0o777).toString(8)})`;
  return null;
}

/** Makes sure the channel folder exists and is the user's alone (0700); throws ChannelError. */
export function ensureChannelDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new ChannelError({ file: dir }, `the notes channel's folder cannot be made (${code})`, 'set XDG_RUNTIME_DIR to a folder of yours', { cause: error });
  }
  const problem = folderProblem(lstatSync(dir));
  if (problem) {
    throw new ChannelError({ file: dir }, `the notes channel's folder ${problem}, so the channel would not be private`, `remove it (talkdeck makes a fresh one), or set XDG_RUNTIME_DIR to a folder of yours`);
  }
}

export interface PublisherOptions {
  /** The private channel's folder (see notesChannelDir). */
  dir: string;
  /** The presenter's status now, sent to each follower as it attaches. */
  status: () => PresenterStatus;
  /** Also send presenterm's datagrams, to this port (usually PRESENTERM_PORT). */
  presenterm?: { port: number } | null;
}

export interface Publisher {
  publish(status: PresenterStatus): void;
  /** Says goodbye to followers; resolves once the goodbye has left. */
  close(): Promise<void>;
}

function canConnect(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Listens at `path`; a socket left by a presenter that died is replaced, a live one is a ChannelError. */
async function listenAt(server: Server, path: string): Promise<void> {
  try {
    await listen(server, path);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      throw new ChannelError({ file: path }, `the notes channel cannot listen (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'check the folder and its free space', { cause: error });
    }
  }
  const stats = lstatSync(path);
  if (!stats.isSocket()) throw new ChannelError({ file: path }, 'the notes channel is taken by a file that is not a socket', 'remove that file');
  if (await canConnect(path)) {
    throw new ChannelError({ file: path }, 'another talkdeck is presenting this deck already: the notes channel is taken', 'quit that presenter first, or present a copy of the deck');
  }
  unlinkSync(path);
  await listen(server, path);
}

function openPresentermSender(): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: 'udp4' });
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      // A send that fails (nobody listening) must never disturb the talk.
      socket.on('error', () => {});
      socket.setBroadcast(true);
      socket.unref();
      resolve(socket);
    });
  });
}

/**
 * The presenting side: listens on the deck's socket in the private folder, tells each follower
 * where the talk is as it attaches, on every change and once a second; with `presenterm`, sends
 * presenterm's datagrams too. Throws ChannelError when the folder is not private or the socket is
 * taken by a live presenter.
 */
export async function openPublisher(deck: string, options: PublisherOptions): Promise<Publisher> {
  ensureChannelDir(options.dir);
  const path = notesSocketPath(options.dir, deck);
  const followers = new Set<Socket>();
  const line = (message: ChannelMessage) => `${JSON.stringify(message)}\n`;
  const send = (socket: Socket, text: string) => {
    // A follower that does not read is not allowed to grow the presenter's memory.
    if (socket.writableLength > MAX_BACKLOG_BYTES) socket.destroy();
    else socket.write(text);
  };
  let second = 0;
  let attached = 0;
  const server = createServer((socket) => {
    const now = Math.floor(Date.now() / 1000);
    if (now !== second) {
      second = now;
      attached = 0;
    }
    attached += 1;
    if (followers.size >= MAX_FOLLOWERS || attached > MAX_ATTACH_PER_SECOND) {
      socket.destroy();
      return;
    }
    followers.add(socket);
    socket.on('close', () => followers.delete(socket));
    socket.on('error', () => socket.destroy());
    // Followers have nothing to say: whoever talks is dropped.
    socket.on('data', () => socket.destroy());
    send(socket, line({ talkdeck: 1, kind: 'status', ...options.status() }));
  });
  server.maxConnections = MAX_FOLLOWERS;
  await listenAt(server, path);
  chmodSync(path, 0o600);
  server.unref();
  const presenterm = options.presenterm ? await openPresentermSender() : null;
  const presentermPort = options.presenterm?.port ?? PRESENTERM_PORT;
  const sendPresenterm = (event: object) =>
    new Promise<void>((resolveSent) => {
      if (!presenterm) return resolveSent();
      presenterm.send(Buffer.from(JSON.stringify({ presentation_path: deck, event })), presentermPort, PRESENTERM_ADDRESS, () => resolveSent());
    });
  const broadcast = (status: PresenterStatus) => {
    const text = line({ talkdeck: 1, kind: 'status', ...status });
    for (const socket of followers) send(socket, text);
  };
  let last = '';
  const heartbeat = setInterval(() => broadcast(options.status()), 1000);
  heartbeat.unref();
  return {
    publish(status) {
      broadcast(status);
      const key = `${status.slide}:${status.step}`;
      if (key !== last) void sendPresenterm({ command: 'GoTo', slide: status.slide, chunk: status.step });
      last = key;
    },
    async close() {
      clearInterval(heartbeat);
      const goodbye = line({ talkdeck: 1, kind: 'exit' });
      await Promise.all([
        ...[...followers].map((socket) => new Promise<void>((resolveEnded) => socket.end(goodbye, () => resolveEnded()))),
        sendPresenterm({ command: 'Exit' }),
      ]);
      await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
      presenterm?.close();
    },
  };
}

export interface FollowerOptions {
  /** The private channel's folder (see notesChannelDir). */
  dir: string;
  /** Also listen to presenterm's datagrams, on this port (usually PRESENTERM_PORT). */
  presenterm?: { port: number } | null;
  status(status: PresenterStatus): void;
  exit(): void;
}

export interface Follower {
  close(): void;
}

/** Checks that the socket at `path` is one the user made; anything else is not listened to. */
function isOwnSocket(path: string): boolean {
  try {
    const stats = lstatSync(path);
    const uid = process.getuid?.();
    return stats.isSocket() && (uid === undefined || stats.uid === uid);
  } catch {
    return false;
  }
}

function openPresentermListener(port: number, onData: (data: Buffer) => void): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const taken = error.code === 'EADDRINUSE';
      reject(
        new ChannelError(
          { file: `${PRESENTERM_ADDRESS}:${port}` },
          taken ? `presenterm's speaker-notes port ${port} is taken by another program` : `cannot listen for presenterm's speaker notes (${error.code ?? String(error)})`,
          taken ? 'quit the program holding it (presenterm itself shares the port), or follow without --presenterm' : 'follow without --presenterm',
          { cause: error },
        ),
      );
    });
    socket.on('message', onData);
    socket.bind(port, PRESENTERM_ADDRESS, () => {
      socket.removeAllListeners('error');
      socket.on('error', () => {});
      socket.unref();
      resolve(socket);
    });
  });
}

/**
 * The following side: connects to the deck's presenter through the private folder (checked first:
 * the user's own, 0700), waiting for it when it is not there yet and again after it has gone; with
 * `presenterm`, also listens to presenterm's datagrams. Positions are validated and applied at most
 * once a frame. Throws ChannelError when the folder is not private or presenterm's port is taken.
 */
export async function openFollower(deck: string, options: FollowerOptions): Promise<Follower> {
  ensureChannelDir(options.dir);
  const path = notesSocketPath(options.dir, deck);
  let closed = false;
  let pending: PresenterStatus | null = null;
  let timer: NodeJS.Timeout | null = null;
  // However many positions arrive, one a frame reaches the screen: the latest.
  const deliver = (status: PresenterStatus) => {
    pending = status;
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      const next = pending;
      pending = null;
      if (next && !closed) options.status(next);
    }, APPLY_EVERY_MS);
  };
  const exit = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
    if (!closed) options.exit();
  };

  let socket: Socket | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = () => {
    retry = null;
    if (closed) return;
    if (!isOwnSocket(path)) {
      retry = setTimeout(connect, RETRY_MS);
      return;
    }
    const current = createConnection(path);
    socket = current;
    let buffered = '';
    current.setEncoding('utf8');
    current.on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const message = decodeMessage(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        if (message === 'exit') exit();
        else if (message !== null) deliver(message);
      }
      if (buffered.length > MAX_MESSAGE_BYTES) current.destroy();
    });
    current.on('error', () => current.destroy());
    current.on('close', () => {
      if (socket === current) socket = null;
      if (!closed) retry = setTimeout(connect, RETRY_MS);
    });
  };
  const presenterm = options.presenterm
    ? await openPresentermListener(options.presenterm.port, (data) => {
        const message = decodePresenterm(data, deck);
        if (message === 'exit') exit();
        else if (message !== null) deliver(message);
      })
    : null;
  connect();
  return {
    close() {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      if (timer !== null) clearTimeout(timer);
      (socket as Socket | null)?.destroy();
      presenterm?.close();
    },
  };
}

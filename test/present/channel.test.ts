import { spawnSync } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChannelError,
  decodeMessage,
  decodePresenterm,
  notesChannelDir,
  notesSocketPath,
  openFollower,
  openPublisher,
  type Follower,
  type PresenterStatus,
} from '../../src/present/channel.js';

const DECK = '/talks/deck.md';
const AS_ROOT = process.getuid?.() === 0;
let base = '';
let count = 0;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'talkdeck-channel-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh channel folder path (not yet made: the channel makes it). */
function freshDir(): string {
  return join(base, `run-${count++}`);
}

/** A promise of the next status a follower hears that passes `accept`. */
function waiter() {
  const seen: PresenterStatus[] = [];
  let wanted: ((status: PresenterStatus) => boolean) | null = null;
  let settle: (status: PresenterStatus) => void = () => {};
  let exited = false;
  let onExit: () => void = () => {};
  return {
    seen,
    get exited() {
      return exited;
    },
    status(status: PresenterStatus) {
      seen.push(status);
      if (wanted?.(status)) settle(status);
    },
    exit() {
      exited = true;
      onExit();
    },
    next(accept: (status: PresenterStatus) => boolean = () => true): Promise<PresenterStatus> {
      const already = seen.find(accept);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => {
        wanted = accept;
        settle = resolve;
      });
    },
    ended(): Promise<void> {
      return exited ? Promise.resolve() : new Promise((resolve) => (onExit = resolve));
    },
  };
}

describe('decodeMessage', () => {
  it.each([
    ['a status', { talkdeck: 1, kind: 'status', slide: 3, step: 1, elapsedMs: 5000 }, { slide: 3, step: 1, elapsedMs: 5000 }],
    ['a status without a slide', { talkdeck: 1, kind: 'status', step: 0, elapsedMs: 0 }, null],
    ['a negative slide', { talkdeck: 1, kind: 'status', slide: -1, step: 0, elapsedMs: 0 }, null],
    ['a fractional slide', { talkdeck: 1, kind: 'status', slide: 1.5, step: 0, elapsedMs: 0 }, null],
    ['a slide of 1e308', { talkdeck: 1, kind: 'status', slide: 1e308, step: 0, elapsedMs: 0 }, null],
    ['a slide as text', { talkdeck: 1, kind: 'status', slide: '3', step: 0, elapsedMs: 0 }, null],
    ['a time of 1e308', { talkdeck: 1, kind: 'status', slide: 1, step: 0, elapsedMs: 1e308 }, null],
    ['a time that is not a number (NaN is null in JSON)', { talkdeck: 1, kind: 'status', slide: 1, step: 0, elapsedMs: null }, null],
    ['a negative time', { talkdeck: 1, kind: 'status', slide: 1, step: 0, elapsedMs: -5 }, null],
    ['a paused status', { talkdeck: 1, kind: 'status', slide: 2, step: 0, elapsedMs: 9000, paused: true }, { slide: 2, step: 0, elapsedMs: 9000, paused: true }],
    ['a running status', { talkdeck: 1, kind: 'status', slide: 2, step: 0, elapsedMs: 9000, paused: false }, { slide: 2, step: 0, elapsedMs: 9000 }],
    ['paused as text', { talkdeck: 1, kind: 'status', slide: 2, step: 0, elapsedMs: 9000, paused: 'yes' }, null],
    ['an exit', { talkdeck: 1, kind: 'exit' }, 'exit'],
    ['an unknown kind', { talkdeck: 1, kind: 'dance' }, null],
    ['another protocol version', { talkdeck: 2, kind: 'exit' }, null],
  ])('%s', (_name, message, expected) => {
    expect(decodeMessage(JSON.stringify(message))).toEqual(expected);
  });

  it('ignores what is not JSON, and messages too long to be ours', () => {
    expect(decodeMessage('\x1b[2J not json')).toBeNull();
    expect(decodeMessage('42')).toBeNull();
    expect(decodeMessage(JSON.stringify({ talkdeck: 1, kind: 'exit', pad: 'x'.repeat(5000) }))).toBeNull();
  });
});

describe('decodePresenterm', () => {
  it.each([
    ['GoTo', { presentation_path: DECK, event: { command: 'GoTo', slide: 4, chunk: 2 } }, { slide: 4, step: 2, elapsedMs: -1 }],
    ['Exit', { presentation_path: DECK, event: { command: 'Exit' } }, 'exit'],
    ['another deck', { presentation_path: '/x.md', event: { command: 'GoTo', slide: 1, chunk: 0 } }, null],
    ['a negative slide', { presentation_path: DECK, event: { command: 'GoTo', slide: -3, chunk: 0 } }, null],
    ['a huge slide', { presentation_path: DECK, event: { command: 'GoTo', slide: 2 ** 60, chunk: 0 } }, null],
    ['no event', { presentation_path: DECK }, null],
  ])('%s', (_name, message, expected) => {
    expect(decodePresenterm(JSON.stringify(message), DECK)).toEqual(expected);
  });
});

describe('the private channel', () => {
  it("lives in $XDG_RUNTIME_DIR/talkdeck when that is the user's, else in a per-user folder", () => {
    const uid = process.getuid?.() ?? 0;
    expect(notesChannelDir({ XDG_RUNTIME_DIR: base }, '/tmp', uid)).toBe(join(base, 'talkdeck'));
    expect(notesChannelDir({}, '/tmp', 1000)).toBe('/tmp/talkdeck-1000');
    expect(notesChannelDir({ XDG_RUNTIME_DIR: 'relative' }, '/tmp', 7)).toBe('/tmp/talkdeck-7');
    // Another user's runtime folder (as after `su`) is not used.
    expect(notesChannelDir({ XDG_RUNTIME_DIR: base }, '/tmp', uid + 1)).toBe(`/tmp/talkdeck-${uid + 1}`);
    expect(notesChannelDir({ XDG_RUNTIME_DIR: join(base, 'missing') }, '/tmp', uid)).toBe(`/tmp/talkdeck-${uid}`);
  });

  it('a late follower catches up at once, then follows every change, and hears the end', async () => {
    const dir = freshDir();
    let current: PresenterStatus = { slide: 5, step: 0, elapsedMs: 1234 };
    const publisher = await openPublisher(DECK, { dir, status: () => current });
    // The folder and the socket are the user's alone.
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
    expect(lstatSync(notesSocketPath(dir, DECK)).mode & 0o777).toBe(0o600);
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, ...heard });
    expect((await heard.next()).slide).toBe(5);
    current = { slide: 6, step: 1, elapsedMs: 2000 };
    publisher.publish(current);
    expect(await heard.next((s) => s.slide === 6)).toEqual(current);
    await publisher.close();
    await heard.ended();
    follower.close();
  });

  it('several followers attach at once, and each follows', async () => {
    const dir = freshDir();
    let current: PresenterStatus = { slide: 1, step: 0, elapsedMs: 0 };
    const publisher = await openPublisher(DECK, { dir, status: () => current });
    const heard = [waiter(), waiter(), waiter()];
    const followers = await Promise.all(heard.map((h) => openFollower(DECK, { dir, status: h.status, exit: h.exit })));
    await Promise.all(heard.map((h) => h.next()));
    current = { slide: 7, step: 0, elapsedMs: 10 };
    publisher.publish(current);
    expect(await Promise.all(heard.map((h) => h.next((s) => s.slide === 7)))).toEqual([current, current, current]);
    for (const follower of followers) follower.close();
    await publisher.close();
  });

  it('a follower started first waits for the presenter, and finds the next one after it ends', async () => {
    const dir = freshDir();
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, ...heard });
    const first = await openPublisher(DECK, { dir, status: () => ({ slide: 2, step: 0, elapsedMs: 0 }) });
    expect((await heard.next()).slide).toBe(2);
    await first.close();
    await heard.ended();
    const second = await openPublisher(DECK, { dir, status: () => ({ slide: 9, step: 0, elapsedMs: 0 }) });
    expect((await heard.next((s) => s.slide === 9)).slide).toBe(9);
    follower.close();
    await second.close();
  });

  it('decks do not hear each other', async () => {
    const dir = freshDir();
    const other = await openPublisher('/talks/other.md', { dir, status: () => ({ slide: 4, step: 0, elapsedMs: 0 }) });
    const mine = await openPublisher(DECK, { dir, status: () => ({ slide: 1, step: 0, elapsedMs: 0 }) });
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, ...heard });
    expect((await heard.next()).slide).toBe(1);
    other.publish({ slide: 8, step: 0, elapsedMs: 0 });
    mine.publish({ slide: 3, step: 0, elapsedMs: 0 });
    await heard.next((s) => s.slide === 3);
    expect(heard.seen.map((s) => s.slide)).not.toContain(8);
    follower.close();
    await Promise.all([other.close(), mine.close()]);
  });

  it('a second presenter of the same deck is refused with a message; a socket left by a dead one is replaced', async () => {
    const dir = freshDir();
    const first = await openPublisher(DECK, { dir, status: () => ({ slide: 0, step: 0, elapsedMs: 0 }) });
    const refused = await openPublisher(DECK, { dir, status: () => ({ slide: 0, step: 0, elapsedMs: 0 }) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ChannelError);
    expect((refused as ChannelError).format()).toBe(
      `${notesSocketPath(dir, DECK)}: another talkdeck is presenting this deck already: the notes channel is taken; quit that presenter first, or present a copy of the deck`,
    );
    await first.close();

    // A presenter killed with SIGKILL leaves its socket behind.
    const path = notesSocketPath(dir, DECK);
    const child = spawnSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    expect(child.signal).toBe('SIGKILL');
    expect(lstatSync(path).isSocket()).toBe(true);
    const next = await openPublisher(DECK, { dir, status: () => ({ slide: 0, step: 0, elapsedMs: 0 }) });
    await next.close();
  });

  it('refuses a folder that others may enter, a link, or another user\'s folder', async () => {
    const open = (dir: string) => openPublisher(DECK, { dir, status: () => ({ slide: 0, step: 0, elapsedMs: 0 }) }).then((p) => p.close(), (error: unknown) => error);
    const wide = freshDir();
    mkdirSync(wide, { mode: 0o755 });
    chmodSync(wide, 0o755);
    expect(await open(wide)).toMatchObject({ name: 'ChannelError', file: wide, message: "the notes channel's folder can be entered by other users (mode 755), so the channel would not be private" });
    const link = freshDir();
    symlinkSync(base, link);
    expect(await open(link)).toMatchObject({ name: 'ChannelError', message: "the notes channel's folder is a symbolic link, so the channel would not be private" });
    const follower = await openFollower(DECK, { dir: link, status: () => {}, exit: () => {} }).catch((error: unknown) => error);
    expect(follower).toBeInstanceOf(ChannelError);
    if (AS_ROOT) {
      const theirs = freshDir();
      mkdirSync(theirs, { mode: 0o700 });
      chownSync(theirs, 65534, 65534);
      expect(await open(theirs)).toMatchObject({ name: 'ChannelError', message: "the notes channel's folder belongs to another user (uid 65534), so the channel would not be private" });
    }
  });

  it("a flood of positions reaches the follower's screen at most once a frame, the latest last", async () => {
    const dir = freshDir();
    mkdirSync(dir, { mode: 0o700 });
    // A presenter (of this user: nobody else can reach the folder) that sends 20,000 positions at once.
    const server = createServer((socket) => {
      let text = '';
      for (let i = 0; i < 20_000; i++) text += `${JSON.stringify({ talkdeck: 1, kind: 'status', slide: i, step: 0, elapsedMs: i })}\n`;
      socket.end(text);
    });
    await new Promise<void>((resolve) => server.listen(notesSocketPath(dir, DECK), resolve));
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, ...heard });
    await heard.next((s) => s.slide === 19_999);
    expect(heard.seen.length).toBeLessThan(50);
    follower.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('drops a follower that talks, and keeps serving the others', async () => {
    const dir = freshDir();
    let current: PresenterStatus = { slide: 0, step: 0, elapsedMs: 0 };
    const publisher = await openPublisher(DECK, { dir, status: () => current });
    const chatty = createConnection(notesSocketPath(dir, DECK));
    const closed = new Promise<void>((resolve) => chatty.on('close', () => resolve()));
    chatty.on('error', () => {});
    chatty.resume();
    chatty.write(`${JSON.stringify({ talkdeck: 1, kind: 'status', slide: 5, step: 0, elapsedMs: 0 })}\n`);
    await closed;
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, ...heard });
    current = { slide: 2, step: 0, elapsedMs: 0 };
    publisher.publish(current);
    await heard.next((s) => s.slide === 2);
    follower.close();
    await publisher.close();
  });
});

/** The local addresses of UDP sockets bound to `port`, from /proc/net/udp, as dotted quads. */
function udpListeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/udp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/u)[1] ?? '')
    .filter((local) => local.endsWith(`:${hexPort}`))
    .map((local) => {
      const hex = local.split(':')[0]!;
      return [3, 2, 1, 0].map((i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
    });
}

/** A free UDP port on the loopback network, for tests that must not meet presenterm's real one. */
async function freePort(): Promise<number> {
  const probe = createSocket('udp4');
  await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address();
  probe.close();
  return port;
}

describe("presenterm's protocol, only when asked for", () => {
  it('a publisher asked to speaks it from 127.0.0.1; a follower asked to listens on 127.255.255.255 and follows', async () => {
    const port = await freePort();
    const dir = freshDir();
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, presenterm: { port }, ...heard });
    expect(udpListeners(port)).toEqual(['127.255.255.255']);
    // A presenterm publisher: from 127.0.0.1, to the loopback broadcast address.
    const sender = createSocket('udp4');
    await new Promise<void>((resolve) => sender.bind(0, '127.0.0.1', () => resolve()));
    sender.setBroadcast(true);
    sender.send(JSON.stringify({ presentation_path: DECK, event: { command: 'GoTo', slide: 2, chunk: 1 } }), port, '127.255.255.255');
    expect(await heard.next()).toEqual({ slide: 2, step: 1, elapsedMs: -1 });
    sender.close();
    follower.close();

    // talkdeck's publisher, asked to, reaches a presenterm listener (here, a talkdeck follower that asked).
    const listener = waiter();
    const follows = await openFollower('/talks/pm.md', { dir: freshDir(), presenterm: { port }, ...listener });
    const publisher = await openPublisher('/talks/pm.md', { dir: freshDir(), presenterm: { port }, status: () => ({ slide: 0, step: 0, elapsedMs: 0 }) });
    publisher.publish({ slide: 3, step: 0, elapsedMs: 0 });
    expect(await listener.next((s) => s.slide === 3)).toEqual({ slide: 3, step: 0, elapsedMs: -1 });
    await publisher.close();
    follows.close();
  });

  it("a follower not asked to ignores presenterm's datagrams", async () => {
    const port = await freePort();
    const dir = freshDir();
    const heard = waiter();
    const follower = await openFollower(DECK, { dir, ...heard });
    expect(udpListeners(port)).toEqual([]);
    const publisher = await openPublisher(DECK, { dir, status: () => ({ slide: 1, step: 0, elapsedMs: 0 }), presenterm: { port } });
    await heard.next();
    publisher.publish({ slide: 4, step: 0, elapsedMs: 0 });
    await heard.next((s) => s.slide === 4);
    // Everything it heard came over the private channel, with the presenter's clock.
    expect(heard.seen.every((s) => s.elapsedMs >= 0)).toBe(true);
    follower.close();
    await publisher.close();
  });

  it('a port held by another program is a ChannelError that names it', async () => {
    const port = await freePort();
    const holder: UdpSocket = createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((resolve) => holder.bind(port, '127.255.255.255', () => resolve()));
    const error = await openFollower(DECK, { dir: freshDir(), presenterm: { port }, status: () => {}, exit: () => {} }).then(
      (follower: Follower) => follower.close(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).format()).toBe(
      `127.255.255.255:${port}: presenterm's speaker-notes port ${port} is taken by another program; quit the program holding it (presenterm itself shares the port), or follow without --presenterm`,
    );
    holder.close();
  });
});

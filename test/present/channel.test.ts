import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { decodeMessage, openFollower, openPublisher, PRESENTERM_PORT, type PresenterStatus } from '../../src/present/channel.js';

const DECK = '/talks/deck.md';

describe('decodeMessage', () => {
  it.each([
    ['a talkdeck status', { talkdeck: 1, deck: DECK, kind: 'status', slide: 3, step: 1, elapsedMs: 5000 }, { talkdeck: 1, deck: DECK, kind: 'status', slide: 3, step: 1, elapsedMs: 5000 }],
    ['a status of another deck', { talkdeck: 1, deck: '/other.md', kind: 'status', slide: 3, step: 0, elapsedMs: 0 }, null],
    ['a status without a slide', { talkdeck: 1, deck: DECK, kind: 'status', step: 0, elapsedMs: 0 }, null],
    ['a hello', { talkdeck: 1, deck: DECK, kind: 'hello' }, { talkdeck: 1, deck: DECK, kind: 'hello' }],
    ['an unknown kind', { talkdeck: 1, deck: DECK, kind: 'dance' }, null],
    ['presenterm GoTo', { presentation_path: DECK, event: { command: 'GoTo', slide: 4, chunk: 2 } }, { slide: 4, step: 2, elapsedMs: -1 }],
    ['presenterm Exit', { presentation_path: DECK, event: { command: 'Exit' } }, 'exit'],
    ['presenterm for another deck', { presentation_path: '/x.md', event: { command: 'GoTo', slide: 1, chunk: 0 } }, null],
  ])('%s', (_name, message, expected) => {
    expect(decodeMessage(JSON.stringify(message), DECK)).toEqual(expected);
  });

  it('ignores datagrams that are not JSON', () => {
    expect(decodeMessage('\x1b[2J not json', DECK)).toBeNull();
    expect(decodeMessage('42', DECK)).toBeNull();
  });
});

function nextStatus(): { promise: Promise<PresenterStatus>; push(status: PresenterStatus): void } {
  let resolveNext: (status: PresenterStatus) => void = () => {};
  const promise = new Promise<PresenterStatus>((resolve) => {
    resolveNext = resolve;
  });
  return { promise, push: (status) => resolveNext(status) };
}

describe('the loopback channel', () => {
  it('a late follower catches up at once, then follows every change', async () => {
    let current: PresenterStatus = { slide: 5, step: 0, elapsedMs: 1234 };
    const publisher = await openPublisher(`${DECK}-live`, { status: () => current });
    const received: PresenterStatus[] = [];
    let waiter = nextStatus();
    const follower = await openFollower(`${DECK}-live`, {
      status: (status) => {
        received.push(status);
        waiter.push(status);
      },
      exit: () => {},
    });
    expect((await waiter.promise).slide).toBe(5);
    waiter = nextStatus();
    current = { slide: 6, step: 1, elapsedMs: 2000 };
    publisher.publish(current);
    expect(await waiter.promise).toEqual(current);
    follower.close();
    await publisher.close();
  });

  it('several followers attach at once, and each follows', async () => {
    let current: PresenterStatus = { slide: 1, step: 0, elapsedMs: 0 };
    const publisher = await openPublisher(`${DECK}-many`, { status: () => current });
    const waiters = [nextStatus(), nextStatus(), nextStatus()];
    const followers = await Promise.all(
      waiters.map((waiter) =>
        openFollower(`${DECK}-many`, {
          status: (status) => {
            if (status.slide === 7) waiter.push(status);
          },
          exit: () => {},
        }),
      ),
    );
    current = { slide: 7, step: 0, elapsedMs: 10 };
    publisher.publish(current);
    expect(await Promise.all(waiters.map((w) => w.promise))).toEqual([current, current, current]);
    for (const follower of followers) follower.close();
    await publisher.close();
  });

  it('moves a follower on a presenterm datagram', async () => {
    const waiter = nextStatus();
    const follower = await openFollower(`${DECK}-pm`, { status: waiter.push, exit: () => {} });
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise<void>((resolve) => socket.bind(0, () => resolve()));
    socket.setBroadcast(true);
    socket.send(JSON.stringify({ presentation_path: `${DECK}-pm`, event: { command: 'GoTo', slide: 2, chunk: 1 } }), PRESENTERM_PORT, '127.255.255.255');
    expect(await waiter.promise).toEqual({ slide: 2, step: 1, elapsedMs: -1 });
    socket.close();
    follower.close();
  });
});

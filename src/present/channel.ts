import { createSocket, type Socket } from 'node:dgram';

/**
 * The notes channel between a presenting instance and its followers (`talkdeck notes`), on the
 * loopback network only: UDP datagrams broadcast to 127.255.255.255, which every local process
 * bound to the port receives, so any number of followers can attach and none is needed.
 * Every message names the deck by its absolute path, so unrelated decks ignore each other.
 * A follower that starts late says hello and the presenter answers at once with where it is.
 */
export const TALKDECK_PORT = 59419;
/** presenterm's speaker-notes port and address: `{presentation_path, event: {command, slide, chunk}}`. */
export const PRESENTERM_PORT = 59418;
const BROADCAST = '127.255.255.255';

/** Where the presenter is, as followers see it. */
export interface PresenterStatus {
  /** 0-based slide and reveal step. */
  slide: number;
  step: number;
  /** Milliseconds since the talk started, paused time not counted. */
  elapsedMs: number;
  /** The speaker has paused the clock: followers hold theirs too. */
  paused?: boolean;
}

export type ChannelMessage =
  | ({ talkdeck: 1; deck: string; kind: 'status' } & PresenterStatus)
  | { talkdeck: 1; deck: string; kind: 'hello' }
  | { talkdeck: 1; deck: string; kind: 'exit' };

/** Turns a datagram into a message for `deck`, or null when it is malformed or for another deck. */
export function decodeMessage(data: Buffer | string, deck: string): ChannelMessage | PresenterStatus | 'exit' | null {
  let value: unknown;
  try {
    value = JSON.parse(data.toString());
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  // presenterm's protocol.
  if ('presentation_path' in record) {
    if (record.presentation_path !== deck) return null;
    const event = record.event as Record<string, unknown> | undefined;
    if (event?.command === 'Exit') return 'exit';
    if (event?.command === 'GoTo' && Number.isInteger(event.slide)) {
      return { slide: Number(event.slide), step: Number.isInteger(event.chunk) ? Number(event.chunk) : 0, elapsedMs: -1 };
    }
    return null;
  }
  if (record.talkdeck !== 1 || record.deck !== deck) return null;
  switch (record.kind) {
    case 'hello':
    case 'exit':
      return record as ChannelMessage;
    case 'status':
      if (!Number.isInteger(record.slide) || !Number.isInteger(record.step) || typeof record.elapsedMs !== 'number') return null;
      if (record.paused !== undefined && typeof record.paused !== 'boolean') return null;
      return record as ChannelMessage;
    default:
      return null;
  }
}

function openSocket(port: number, onMessage?: (data: Buffer) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    socket.once('error', reject);
    if (onMessage) socket.on('message', onMessage);
    socket.bind(onMessage ? port : 0, '0.0.0.0', () => {
      socket.off('error', reject);
      // A failed send must never disturb the talk.
      socket.on('error', () => {});
      socket.setBroadcast(true);
      socket.unref();
      resolve(socket);
    });
  });
}

export interface Publisher {
  publish(status: PresenterStatus): void;
  /** Says goodbye to followers; resolves once the goodbye has left. */
  close(): Promise<void>;
}

/**
 * The presenting side: broadcasts its status on every change and once a second, answers hellos,
 * and (with `presenterm`) speaks presenterm's protocol too.
 */
export async function openPublisher(deck: string, options: { presenterm?: boolean; status: () => PresenterStatus }): Promise<Publisher> {
  const send = (socket: Socket, port: number, message: object) =>
    new Promise<void>((resolveSent) => {
      socket.send(Buffer.from(JSON.stringify(message)), port, BROADCAST, () => resolveSent());
    });
  const publishStatus = (status: PresenterStatus) =>
    send(socket, TALKDECK_PORT, { talkdeck: 1, deck, kind: 'status', ...status });
  const socket: Socket = await openSocket(TALKDECK_PORT, (data) => {
    const message = decodeMessage(data, deck);
    if (typeof message === 'object' && message !== null && 'kind' in message && message.kind === 'hello') {
      publishStatus(options.status());
    }
  });
  let last = '';
  const heartbeat = setInterval(() => void publishStatus(options.status()), 1000);
  heartbeat.unref();
  return {
    publish(status) {
      void publishStatus(status);
      const key = `${status.slide}:${status.step}`;
      if (options.presenterm && key !== last) {
        void send(socket, PRESENTERM_PORT, {
          presentation_path: deck,
          event: { command: 'GoTo', slide: status.slide, chunk: status.step },
        });
      }
      last = key;
    },
    async close() {
      clearInterval(heartbeat);
      await Promise.all([
        send(socket, TALKDECK_PORT, { talkdeck: 1, deck, kind: 'exit' }),
        options.presenterm ? send(socket, PRESENTERM_PORT, { presentation_path: deck, event: { command: 'Exit' } }) : null,
      ]);
      socket.close();
    },
  };
}

export interface Follower {
  close(): void;
}

/**
 * The following side: listens to talkdeck presenters and presenterm publishers of the same deck,
 * and says hello so a presenter already running answers at once.
 */
export async function openFollower(
  deck: string,
  handlers: { status(status: PresenterStatus): void; exit(): void },
): Promise<Follower> {
  const onData = (data: Buffer) => {
    const message = decodeMessage(data, deck);
    if (message === null) return;
    if (message === 'exit') return handlers.exit();
    if (typeof message === 'object' && 'kind' in message) {
      if (message.kind === 'status') {
        handlers.status({ slide: message.slide, step: message.step, elapsedMs: message.elapsedMs, ...(message.paused ? { paused: true } : {}) });
      }
      else if (message.kind === 'exit') handlers.exit();
      return;
    }
    handlers.status(message);
  };
  const talkdeck = await openSocket(TALKDECK_PORT, onData);
  let presenterm: Socket | null = null;
  try {
    presenterm = await openSocket(PRESENTERM_PORT, onData);
  } catch {
    // presenterm's port may be taken without address reuse; talkdeck's own channel still works.
  }
  const hello = () => talkdeck.send(Buffer.from(JSON.stringify({ talkdeck: 1, deck, kind: 'hello' })), TALKDECK_PORT, BROADCAST, () => {});
  hello();
  return {
    close() {
      talkdeck.close();
      presenterm?.close();
    },
  };
}

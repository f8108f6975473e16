import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import escapeHtml from 'escape-html';
import { LocatedError, type Deck } from '../deck/index.js';
import { AUDIENCE_SCRIPT, REMOTE_PAGE_SCRIPT, SERVE_CSS } from './page-scripts.js';

/**
 * The audience server: a small HTTP server that shows the deck (the HTML export's own page) and
 * follows the presenter live over Server-Sent Events, with each slide's cited passages one click
 * away, and a remote page for a phone behind a random token.
 *
 * Safe by construction: the routes are a fixed table; the only value taken from a request is a
 * slide number, which picks one of the deck's slides, whose citations are read through the
 * deck's confined reader. No path from a request reaches the filesystem. Every client is rate
 * limited; tokens are compared in constant time; pages carry a strict Content-Security-Policy.
 */

/** Requests a client (by address) may make in a second, on average, and in a burst. */
const RATE_PER_SECOND = 20;
const RATE_BURST = 60;
/** Audience pages following at once. */
const MAX_STREAMS = 500;
/** How long a passage page shows around each cited line range. */
const CONTEXT_LINES = 3;

export type RemoteCommand = 'next' | 'previous' | 'blank' | 'first';

export interface AudienceStatus {
  /** 0-based. */
  slide: number;
  step: number;
  elapsedMs: number;
}

export interface ServeOptions {
  deck: Deck;
  /** The HTML export's page for the deck (layout 'present'). */
  html: string;
  /** Reads a cited path through the deck's confined reader; throws when it may not. */
  readSource: (path: string) => string;
  host: string;
  port: number;
  /** When set, the audience view wants it too (`?t=`). */
  audienceToken: string | null;
  /** The remote's token; a random one when not given. */
  remoteToken?: string;
  /** What the remote's next and previous do (the presenter's keys); null: the server moves itself. */
  control?: ((command: 'next' | 'previous' | 'first') => void) | null;
  now?: () => number;
}

export interface AudienceServer {
  /** Where it listens, e.g. http://127.0.0.1:8737/ */
  url: string;
  port: number;
  remoteToken: string;
  /** The presenter moved (or the time went on). */
  update(status: AudienceStatus): void;
  status(): AudienceStatus & { blanked: boolean };
  /** Says goodbye to every page and stops listening. */
  close(): Promise<void>;
}

/** The server cannot listen: port taken, address not this machine's. */
export class ServeError extends LocatedError {
  override name = 'ServeError';
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The export's page, allowed to run the follower script and to open the event stream. */
function audiencePage(html: string): { page: string; policy: string } {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/u.exec(html);
  const original = (match?.[1] ?? '').replace(/&#39;/gu, "'").replace(/&quot;/gu, '"');
  const policy = original
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      if (part.startsWith('script-src ')) return `${part} ${sha256(AUDIENCE_SCRIPT)}`;
      if (part.startsWith('style-src ')) return `${part} ${sha256(SERVE_CSS)}`;
      if (part.startsWith('connect-src ')) return "connect-src 'self'";
      return part;
    })
    .join('; ');
  const links = `<a id="serve-sources" class="serve-sources" href="sources/1">Sources of this slide</a>`;
  const page = html
    .replace(match?.[0] ?? '\u0000', `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`)
    .replace('</head>', `<style>${SERVE_CSS}</style>\n</head>`)
    .replace('</body>', `${links}\n<script>${AUDIENCE_SCRIPT}</script>\n</body>`);
  return { page, policy };
}

const PAGE_POLICY = (script: string) =>
  `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(SERVE_CSS)}; connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function shell(title: string, body: string, script = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${SERVE_CSS}</style>
</head>
<body class="serve-page">
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

/** The cited passages of one slide, each with a few lines around it, the cited lines marked. */
function sourcesPage(deck: Deck, index: number, readSource: (path: string) => string, token: string | null): string {
  const slide = deck.slides[index - 1];
  const back = `<p><a href="./${token ? `?t=${encodeURIComponent(token)}` : ''}#${index}">Back to the talk</a></p>`;
  if (!slide) return shell('No such slide', `<h1>No such slide</h1>${back}`);
  const texts = new Map<string, string[] | null>();
  const sections = slide.sources.map((ref) => {
    if (!texts.has(ref.path)) {
      try {
        texts.set(ref.path, ref.path === '' ? null : readSource(ref.path).split(/\r\n|\r|\n/u));
      } catch {
        texts.set(ref.path, null);
      }
    }
    const lines = texts.get(ref.path) ?? null;
    const where = `${escapeHtml(ref.path)}:${ref.startLine}${ref.endLine > ref.startLine ? `-${ref.endLine}` : ''}`;
    if (lines === null) return `<section><h2>${where}</h2><blockquote>${escapeHtml(ref.quote)}</blockquote><p class="note">The file cannot be shown.</p></section>`;
    const from = Math.max(1, ref.startLine - CONTEXT_LINES);
    const to = Math.min(lines.length, ref.endLine + CONTEXT_LINES);
    const rows: string[] = [];
    for (let n = from; n <= to; n++) {
      const cited = n >= ref.startLine && n <= ref.endLine;
      rows.push(`<tr${cited ? ' class="cited"' : ''}><td class="n">${n}</td><td>${escapeHtml(lines[n - 1] ?? '')}</td></tr>`);
    }
    return `<section><h2>${where}</h2><table class="passage">${rows.join('')}</table></section>`;
  });
  const title = `Sources of slide ${index}${slide.title ? `: ${slide.title}` : ''}`;
  const body = `<h1>${escapeHtml(title)}</h1>${back}${sections.length ? sections.join('\n') : '<p>This slide cites no source.</p>'}`;
  return shell(title, body);
}

function remotePage(token: string): string {
  const body = `<h1>Remote</h1>
<p class="clock" id="clock">00:00</p>
<p class="where" id="where"></p>
<div class="buttons" data-token="${escapeHtml(token)}" id="buttons">
<button data-command="previous">Previous</button>
<button data-command="next" class="big">Next</button>
<button data-command="blank">Blank</button>
</div>`;
  return shell('Remote', body, REMOTE_PAGE_SCRIPT);
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Starts the audience server. Throws ServeError when it cannot listen (port taken, an address
 * that is not this machine's).
 */
export async function startAudienceServer(options: ServeOptions): Promise<AudienceServer> {
  const now = options.now ?? Date.now;
  const remoteToken = options.remoteToken ?? randomBytes(18).toString('base64url');
  const { page, policy } = audiencePage(options.html);
  let position: AudienceStatus = { slide: 0, step: 0, elapsedMs: 0 };
  let statusAt = now();
  let blanked = false;
  const streams = new Set<ServerResponse>();
  const buckets = new Map<string, Bucket>();

  const current = () => ({ ...position, elapsedMs: position.elapsedMs + (now() - statusAt), blanked, total: options.deck.slides.length });
  const event = () => `data: ${JSON.stringify(current())}\n\n`;
  const broadcast = () => {
    const text = event();
    for (const stream of streams) {
      // A page that does not read is not allowed to grow the server's memory.
      if (stream.writableLength > 64 * 1024) stream.destroy();
      else stream.write(text);
    }
  };

  const allowed = (address: string): boolean => {
    const t = now();
    const bucket = buckets.get(address) ?? { tokens: RATE_BURST, at: t };
    bucket.tokens = Math.min(RATE_BURST, bucket.tokens + ((t - bucket.at) / 1000) * RATE_PER_SECOND);
    bucket.at = t;
    buckets.set(address, bucket);
    if (buckets.size > 10_000) buckets.clear();
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  const send = (res: ServerResponse, code: number, type: string, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(code, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      ...extra,
    });
    res.end(body);
  };
  const text = (res: ServerResponse, code: number, body: string) => send(res, code, 'text/plain; charset=utf-8', `${body}\n`);

  const move = (command: RemoteCommand) => {
    if (command === 'blank') {
      blanked = !blanked;
      broadcast();
      return;
    }
    if (options.control) {
      options.control(command);
      return;
    }
    // No presenter to drive: the server's own position moves, a slide at a time.
    const last = options.deck.slides.length - 1;
    const slide = command === 'first' ? 0 : Math.max(0, Math.min(last, position.slide + (command === 'next' ? 1 : -1)));
    position = { slide, step: 0, elapsedMs: current().elapsedMs };
    statusAt = now();
    broadcast();
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!allowed(req.socket.remoteAddress ?? '')) {
      send(res, 429, 'text/plain; charset=utf-8', 'too many requests\n', { 'Retry-After': '1' });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://talkdeck.invalid');
    } catch {
      text(res, 400, 'bad request');
      return;
    }
    const token = url.searchParams.get('t');
    const path = url.pathname;
    const isRemote = path === '/remote' || path.startsWith('/remote/');
    if (isRemote) {
      if (!sameToken(token, remoteToken)) {
        text(res, 403, 'the remote wants its token: open the URL talkdeck printed');
        return;
      }
      if (path === '/remote' && req.method === 'GET') {
        send(res, 200, 'text/html; charset=utf-8', remotePage(remoteToken), { 'Content-Security-Policy': PAGE_POLICY(REMOTE_PAGE_SCRIPT) });
        return;
      }
      const command = /^\/remote\/(next|previous|blank|first)$/u.exec(path)?.[1] as RemoteCommand | undefined;
      if (command && req.method === 'POST') {
        move(command);
        send(res, 200, 'application/json', `${JSON.stringify(current())}\n`);
        return;
      }
      text(res, command ? 405 : 404, command ? 'use POST' : 'not found');
      return;
    }
    if (options.audienceToken !== null && !sameToken(token, options.audienceToken) && !sameToken(token, remoteToken)) {
      text(res, 403, 'this talk wants its audience token: open the URL the speaker shows');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(res, 405, 'only GET');
      return;
    }
    if (path === '/') {
      send(res, 200, 'text/html; charset=utf-8', page, { 'Content-Security-Policy': policy });
      return;
    }
    if (path === '/state') {
      send(res, 200, 'application/json', `${JSON.stringify(current())}\n`);
      return;
    }
    if (path === '/events') {
      if (streams.size >= MAX_STREAMS) {
        text(res, 503, 'too many followers');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'keep-alive' });
      res.write(`retry: 1000\n${event()}`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const slide = /^\/sources\/([1-9][0-9]{0,5})$/u.exec(path)?.[1];
    if (slide !== undefined) {
      send(res, 200, 'text/html; charset=utf-8', sourcesPage(options.deck, Number(slide), options.readSource, options.audienceToken !== null ? token : null), {
        'Content-Security-Policy': PAGE_POLICY(''),
      });
      return;
    }
    text(res, 404, 'not found');
  };

  const server = createServer(handle);
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  server.maxHeadersCount = 50;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const taken = error.code === 'EADDRINUSE';
      reject(
        new ServeError(
          { file: `${options.host}:${options.port}` },
          taken ? `port ${options.port} is taken by another program` : `cannot listen on ${options.host}:${options.port} (${error.code ?? String(error)})`,
          taken ? 'choose another with --port' : 'check --host: it must be an address of this machine',
          { cause: error },
        ),
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const heartbeat = setInterval(broadcast, 5000);
  heartbeat.unref();
  return {
    url: `http://${hostInUrl}:${port}/`,
    port,
    remoteToken,
    update(status) {
      const changed = status.slide !== position.slide || status.step !== position.step;
      position = status;
      statusAt = now();
      if (changed) broadcast();
    },
    status: () => ({ slide: position.slide, step: position.step, elapsedMs: current().elapsedMs, blanked }),
    close: async () => {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end('event: bye\ndata: {}\n\n');
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

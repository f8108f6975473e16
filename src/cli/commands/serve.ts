import type { Command } from 'commander';
import type { Deck } from '../../deck/index.js';
import type { AudienceServer } from '../../serve/index.js';
import { defineCommand } from '../command.js';
import type { DeckInput } from '../deck-input.js';
import { EXIT, UsageError } from '../errors.js';
import type { Output } from '../io.js';
import { addDeckOptions, type DeckOptions } from '../options.js';

/** The port the audience server listens on unless told otherwise (documented in the README). */
const DEFAULT_PORT = 8737;

export interface ServeCliOptions {
  port?: number;
  host?: string;
  audienceToken?: string | boolean;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/u.test(text) || port > 65535) throw new UsageError(`--port wants a port number from 0 to 65535 (0: any free one), not "${text}"`);
  return port;
}

/** `--port`, `--host`, `--audience-token`: the audience server's options, for `serve` and `present --serve`. */
export function addServeOptions(command: Command): Command {
  return command
    .option('--port <n>', `the audience server's port (default ${DEFAULT_PORT}; 0 for any free one)`, parsePort)
    .option('--host <address>', 'the address to listen on (default 127.0.0.1, this machine only); another exposes the talk to the network')
    .option('--audience-token [token]', 'the audience view wants a token too: --audience-token=TOKEN, or a random one when none is given');
}

/**
 * Options whose value may only be attached with `=`: `--audience-token talk.md` must not take the
 * deck's path as its token, so a bare `--audience-token` asks for a random one.
 */
export const VALUE_ONLY_ATTACHED: readonly string[] = ['--audience-token'];

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts the audience server for a deck and prints where: the audience URL, and the remote's URL
 * with its token, as text and as a QR code. `control` moves the presenter (present --serve).
 */
export async function startServer(
  input: DeckInput,
  deck: Deck,
  options: ServeCliOptions,
  output: Output,
  control: ((command: 'next' | 'previous' | 'first') => void) | null,
): Promise<AudienceServer> {
  const [{ startAudienceServer, terminalQr }, { exportHtml }, { randomBytes }] = await Promise.all([import('../../serve/index.js'), import('../../export/index.js'), import('node:crypto')]);
  const theme = await input.theme(deck);
  const html = await exportHtml(deck, { theme, layout: 'present', images: { folder: input.folder(), onProblem: () => {} } });
  const host = options.host ?? '127.0.0.1';
  const audienceToken = options.audienceToken === true || options.audienceToken === '' ? randomBytes(12).toString('base64url') : typeof options.audienceToken === 'string' ? options.audienceToken : null;
  if (!LOOPBACK.has(host)) {
    output.err(`warning: --host ${host} lets every machine that can reach this address see the talk${audienceToken ? '' : ' (add --audience-token to ask for a token)'}\n`);
  }
  const server = await startAudienceServer({
    deck,
    html,
    readSource: (path) => input.readSource(path),
    host,
    port: options.port ?? DEFAULT_PORT,
    audienceToken,
    control,
  });
  const audience = audienceToken ? `${server.url}?t=${encodeURIComponent(audienceToken)}` : server.url;
  const remote = `${server.url}remote?t=${server.remoteToken}`;
  output.out(`audience: ${audience}\nremote:   ${remote}\n`);
  output.out(terminalQr(remote));
  return server;
}

interface ServeOptions extends DeckOptions, ServeCliOptions {}

/**
 * `talkdeck serve DECK`: the audience server on its own, following the deck's presenter over the
 * private notes channel; until a presenter is heard, the remote moves the audience view itself.
 * Stops when the presenter quits, or on Ctrl-C.
 */
export const serve = defineCommand<[string], ServeOptions>({
  name: 'serve',
  declare: (command) =>
    addServeOptions(
      addDeckOptions(
        command
          .description('let the audience follow on their own screens: the talk as a web page that follows the presenter, its sources a click away, and a remote for a phone')
          .argument('<deck>', 'the deck being presented'),
      ).option('-t, --theme <name|path>', 'theme'),
    ),
  run: async ([deckPath], options, { io, output, deckInput }) => {
    const input = deckInput(deckPath, options);
    const deck = await input.deck();
    if (await input.report(deck)) return EXIT.input;
    const server = await startServer(input, deck, options, output, null);
    const { openFollower, notesChannelDir } = await import('../../present/index.js');
    const { tmpdir } = await import('node:os');
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const follower = await openFollower(input.absolute, {
      dir: notesChannelDir(io.env, io.env.TMPDIR || tmpdir()),
      status: (status) => server.update(status),
      exit: () => {
        output.err('the presenter has quit: the audience server stops\n');
        stop();
      },
    });
    const onSignal = () => stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    await stopped;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    follower.close();
    await server.close();
    return EXIT.ok;
  },
});

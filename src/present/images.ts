import type { Deck } from '../deck/index.js';
import type { ImageProtocolChoice } from '../config/index.js';
import { execFileSync } from 'node:child_process';
import type { ImageReader, ImageStore } from '../image/index.js';

/** How the presenter shows images. */
export interface ImageSettings {
  /** `--image-protocol` or the configuration's; `auto` decides from the terminal. */
  protocol: ImageProtocolChoice;
  /** Reads an image the deck names, through the deck's confined reader. */
  read: ImageReader;
  env: Readonly<Record<string, string | undefined>>;
}

/** Whether a deck shows any image (blocks, columns, lists, quotes). */
export function deckHasImages(deck: Deck): boolean {
  const visit = (blocks: Deck['slides'][number]['blocks']): boolean =>
    blocks.some((block) => {
      switch (block.kind) {
        case 'image':
          return true;
        case 'columns':
          return block.columns.some(visit);
        case 'list':
          return block.items.some((item) => visit(item.blocks));
        case 'quote':
        case 'alert':
          return visit(block.blocks);
        default:
          return false;
      }
    });
  return deck.slides.some((slide) => visit(slide.blocks));
}

/** How long the terminal is given to answer the query. */
const QUERY_TIMEOUT_MS = 200;

/**
 * Asks the terminal what it shows (kitty's graphics query, then DA1, which every terminal
 * answers) and reads the reply from stdin, before Ink reads it; keys typed meanwhile are put back.
 */
async function queryTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, query: string): Promise<string> {
  if (!stdin.isTTY) return '';
  return new Promise((done) => {
    let reply = '';
    const finish = () => {
      clearTimeout(timer);
      stdin.off('readable', onReadable);
      // What is not the reply (keys typed meanwhile) is left for the presenter.
      const rest = reply.replace(/\x1b_G[^\x1b]*\x1b\\/gu, '').replace(/\x1b\[\?[\d;]*c/u, '');
      if (rest !== '') stdin.unshift(Buffer.from(rest, 'utf8'));
      done(reply);
    };
    const onReadable = () => {
      let chunk: Buffer | string | null;
      while ((chunk = stdin.read() as Buffer | string | null) !== null) reply += chunk.toString();
      if (/\x1b\[\?[\d;]*c/u.test(reply)) finish();
    };
    const timer = setTimeout(finish, QUERY_TIMEOUT_MS);
    stdin.on('readable', onReadable);
    stdout.write(query);
  });
}

/** Whether tmux lets escape sequences through to the terminal around it (`allow-passthrough on`). */
function tmuxPassthrough(): boolean {
  try {
    const value = execFileSync('tmux', ['show-options', '-gv', 'allow-passthrough'], { encoding: 'utf8', timeout: 1000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return value === 'on' || value === 'all';
  } catch {
    return false;
  }
}

/** The presenter's images: the protocol chosen (asking the terminal only when its environment does not say), and the store. */
export async function openImages(
  settings: ImageSettings,
  stdin: NodeJS.ReadStream,
  stdout: NodeJS.WriteStream,
): Promise<{ store: ImageStore; onChange(listener: () => void): void }> {
  const { ImageStore, chooseProtocol, protocolFromEnv, TERMINAL_QUERY } = await import('../image/index.js');
  const { env } = settings;
  let reply: string | undefined;
  if (settings.protocol === 'auto' && !env.NO_COLOR && protocolFromEnv(env) === null && !env.TMUX) reply = await queryTerminal(stdin, stdout, TERMINAL_QUERY);
  const choice = chooseProtocol(settings.protocol, env, { reply, tmuxPassthrough: env.TMUX ? tmuxPassthrough() : false });
  let notify: () => void = () => {};
  const store = new ImageStore({ read: settings.read, protocol: choice.protocol, tmux: choice.tmux, onChange: () => notify() });
  return {
    store,
    onChange: (listener) => {
      notify = listener;
    },
  };
}

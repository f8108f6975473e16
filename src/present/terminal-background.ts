/**
 * Whether the terminal's background is light or dark, for choosing the default theme (as
 * presenterm does): the terminal is asked with OSC 11, followed by a device-attributes query (DA1)
 * that every terminal answers, so a terminal that does not know OSC 11 is found out at once rather
 * than at the timeout; without an answer, `COLORFGBG` (set by rxvt, Konsole and others) decides.
 */
export type Background = 'light' | 'dark';

/** How long the query waits for the terminal's answer: a round trip takes a few milliseconds locally. */
export const BACKGROUND_QUERY_TIMEOUT_MS = 100;

/** OSC 11 asks for the background colour; DA1 follows so that its answer marks the end of the replies. */
export const BACKGROUND_QUERY = '\x1b]11;?\x1b\\\x1b[c';

/** `COLORFGBG="fg;bg"` (or `fg;default;bg`): colours 0–6 and 8 are dark backgrounds, 7 and 9–15 light. */
export function backgroundFromColorFgBg(value: string | undefined): Background | null {
  if (!value) return null;
  const bg = value.split(';').at(-1)?.trim() ?? '';
  if (!/^\d{1,2}$/u.test(bg)) return null;
  const index = Number(bg);
  if (index > 15) return null;
  return index === 7 || index >= 9 ? 'light' : 'dark';
}

/** Light or dark by perceived lightness (CIE L*), as terminal-colorsaurus decides: above 50 is light. */
export function backgroundOf(red: number, green: number, blue: number): Background {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const y = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
  const lightness = y <= 216 / 24389 ? y * (24389 / 27) : 116 * Math.cbrt(y) - 16;
  return lightness > 50 ? 'light' : 'dark';
}

/** One channel of an X11 colour spec (1 to 4 hex digits) as a fraction of its full scale. */
function channel(hex: string): number {
  return parseInt(hex, 16) / (16 ** hex.length - 1);
}

const OSC11_REPLY = /\x1b\]11;rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})(?:\/[0-9a-f]{1,4})?(?:\x07|\x1b\\)/iu;
const ANY_OSC11_REPLY = /\x1b\]11;[^\x07\x1b]*(?:\x07|\x1b\\)/gu;
const DA1_REPLY = /\x1b\[\?[\d;]*c/u;

export interface QueryReplies {
  /** The background the terminal reported, or null (no OSC 11 answer, or one that does not parse). */
  background: Background | null;
  /** The DA1 answer has come: no more replies will. */
  done: boolean;
  /** What was read that is not a reply: keys typed meanwhile, for the presenter. */
  keys: string;
}

/** Reads what a terminal sent back to BACKGROUND_QUERY, with any keys typed meanwhile. */
export function parseQueryReplies(text: string): QueryReplies {
  const match = OSC11_REPLY.exec(text);
  const background = match ? backgroundOf(channel(match[1]!), channel(match[2]!), channel(match[3]!)) : null;
  const da1 = DA1_REPLY.exec(text);
  const keys = text.replace(ANY_OSC11_REPLY, '').replace(DA1_REPLY, '');
  return { background, done: da1 !== null, keys };
}

/**
 * Asks the terminal for its background and waits for the answer (at most `timeoutMs`). Reads
 * stdin the way Ink does ('readable', then read()), in raw mode so nothing is echoed, and gives
 * back to stdin any keys typed meanwhile; leaves raw mode as it found it.
 */
export function queryTerminalBackground(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, timeoutMs = BACKGROUND_QUERY_TIMEOUT_MS): Promise<Background | null> {
  if (!stdin.isTTY || !stdout.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    const wasRaw = stdin.isRaw;
    let read = '';
    let settled = false;
    const finish = (background: Background | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stdin.off('readable', onReadable);
      const { keys } = parseQueryReplies(read);
      if (keys !== '') stdin.unshift(Buffer.from(keys, 'utf8'));
      try {
        if (!wasRaw) stdin.setRawMode(false);
      } catch {
        // stdin may be closed already.
      }
      resolve(background);
    };
    const onReadable = () => {
      let chunk: Buffer | string | null;
      while ((chunk = stdin.read() as Buffer | string | null) !== null) read += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const replies = parseQueryReplies(read);
      if (replies.done) finish(replies.background);
    };
    const timer = setTimeout(() => finish(parseQueryReplies(read).background), timeoutMs);
    try {
      stdin.setRawMode(true);
      stdin.on('readable', onReadable);
      stdout.write(BACKGROUND_QUERY);
    } catch {
      finish(null);
    }
  });
}

/** The terminal's background: asked of the terminal, else read from COLORFGBG; null when neither says. */
export async function detectBackground(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, env: Record<string, string | undefined>): Promise<Background | null> {
  return (await queryTerminalBackground(stdin, stdout)) ?? backgroundFromColorFgBg(env.COLORFGBG);
}

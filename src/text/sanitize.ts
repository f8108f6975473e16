/**
 * The one rule for bytes that reach a terminal. Everything talkdeck shows or prints passes here:
 * layout (render/) replaces unsafe characters before measuring text, the painter passes every
 * segment through again, and the command line's output edge (cli/output.ts) sanitises all that a
 * command writes to stdout and stderr. Nothing here imports anything, so the edge costs no start-up.
 */

/** Code points a terminal may act on, or that reorder text on screen: C0 (bar tab and newline), DEL, C1, bidi overrides/isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_GLOBAL = new RegExp(UNSAFE.source, 'gu');

/** talkdeck's own sequences in painted output: SGR colours and OSC 8 links to printable ASCII URLs. */
const OWN_SEQUENCES = /\u001b\[[0-9;:]*m|\u001b\]8;;[\u0021-\u007e]*\u001b\\/gu;

function codePointLabel(code: number): string {
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The visible stand-in for one unsafe character. */
function placeholder(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return codePointLabel(code);
}

/**
 * Replaces every character a terminal could act on with a visible placeholder (Control Pictures
 * such as `␛` and `␡`, `<U+009B>` for C1 controls and bidi overrides). Tabs and newlines stay.
 */
export function escapeControls(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_GLOBAL, placeholder) : text;
}

/**
 * Text for a terminal at the output edge. Plain output keeps no control sequence at all; `painted`
 * output (talkdeck's own colours and links, e.g. `report` on a terminal) keeps SGR and OSC 8
 * sequences and nothing else.
 */
export function sanitizeOutput(text: string, options: { painted?: boolean } = {}): string {
  if (!options.painted) return escapeControls(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(OWN_SEQUENCES)) {
    out += escapeControls(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeControls(text.slice(last));
}

/**
 * Whether painted output holds nothing but printable text, tabs, line breaks (CR LF too), SGR
 * colours and OSC 8 links: the test a kept first frame must pass before it is written to a terminal.
 */
export function isSafePainted(text: string): boolean {
  return !UNSAFE.test(text.replace(OWN_SEQUENCES, '').replace(/\r\n/gu, '\n'));
}

function percentEncode(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    // A lone surrogate cannot be encoded as UTF-8.
    return '%EF%BF%BD';
  }
}

const LINK_SCHEMES = /^(?:https?:\/\/|mailto:)/iu;

/**
 * The URL to put in an OSC 8 hyperlink, or null when it may not be one: only http, https and
 * mailto, and every character outside printable ASCII is percent-encoded so that the URL can
 * never end the escape sequence early.
 */
export function hyperlinkTarget(href: string): string | null {
  const url = href.trim();
  if (!LINK_SCHEMES.test(url)) return null;
  let out = '';
  for (const char of url) {
    const code = char.codePointAt(0) ?? 0;
    out += code > 0x20 && code < 0x7f ? char : percentEncode(char);
  }
  return out;
}

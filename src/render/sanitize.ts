import stringWidth from 'string-width';

const TAB_SIZE = 4;

/** Code points a terminal may act on, or that reorder text on screen: C0, DEL, C1, bidi overrides/isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_GLOBAL = new RegExp(UNSAFE.source, 'gu');

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
 * Makes deck text safe to put on a terminal: tabs become spaces (4-column stops), newlines stay,
 * every other C0 control, DEL, ESC and C1 control becomes a visible placeholder (Control Pictures,
 * `␛`, `␡`, `<U+009B>`), and bidi override/isolate characters become `<U+202E>`-style labels,
 * so no byte from a deck can reach the terminal as a control sequence.
 */
export function sanitizeText(text: string): string {
  if (!UNSAFE.test(text) && !text.includes('\t')) return text;
  let out = text.replace(UNSAFE_GLOBAL, placeholder);
  if (out.includes('\t')) out = expandTabs(out);
  return out;
}

function expandTabs(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let result = '';
      for (const part of line.split(/(\t)/u)) {
        if (part === '\t') result += ' '.repeat(TAB_SIZE - (stringWidth(result) % TAB_SIZE));
        else result += part;
      }
      return result;
    })
    .join('\n');
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

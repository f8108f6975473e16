import { describe, expect, it } from 'vitest';
import { hyperlinkTarget, sanitizeText } from '../../src/render/index.js';

/** Whether a string could make a terminal do anything but print: C0 (bar \n), DEL, C1, bidi controls. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('sanitizeText', () => {
  it('leaves ordinary text, newlines and Unicode alone', () => {
    expect(sanitizeText('plain text\n中文 👩‍👩‍👧‍👦 e\u0301')).toBe('plain text\n中文 👩‍👩‍👧‍👦 e\u0301');
  });

  it('expands tabs to 4-column stops by display width', () => {
    expect(sanitizeText('a\tb')).toBe('a   b');
    expect(sanitizeText('\tx\n12\ty')).toBe('    x\n12  y');
    expect(sanitizeText('中\tx')).toBe('中  x');
  });

  it.each([
    ['NUL', '\u0000', '\u2400'],
    ['BEL', '\u0007', '\u2407'],
    ['BS', '\b', '\u2408'],
    ['VT', '\u000b', '\u240b'],
    ['FF', '\f', '\u240c'],
    ['CR', '\r', '\u240d'],
    ['ESC', '\u001b', '\u241b'],
    ['US', '\u001f', '\u241f'],
    ['DEL', '\u007f', '\u2421'],
    ['C1 PAD', '\u0080', '<U+0080>'],
    ['C1 CSI', '\u009b', '<U+009B>'],
    ['C1 OSC', '\u009d', '<U+009D>'],
    ['C1 APC', '\u009f', '<U+009F>'],
    ['LRE', '\u202a', '<U+202A>'],
    ['RLO', '\u202e', '<U+202E>'],
    ['LRI', '\u2066', '<U+2066>'],
    ['PDI', '\u2069', '<U+2069>'],
  ])('makes %s visible', (_name, char, shown) => {
    expect(sanitizeText(`a${char}b`)).toBe(`a${shown}b`);
  });

  it('defuses whole escape sequences', () => {
    const hostile = '\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil\u001b\\x\u009b31m';
    const safe = sanitizeText(hostile);
    expect(safe).not.toMatch(UNSAFE);
    expect(safe).toBe('␛[2J␛]0;pwned␇␛]8;;http://evil␛\\x<U+009B>31m');
  });

  it('leaves nothing unsafe in any string of control characters', () => {
    let all = '';
    for (let code = 0; code < 0xa0; code++) all += String.fromCharCode(code);
    all += '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(sanitizeText(all)).not.toMatch(UNSAFE);
  });
});

describe('hyperlinkTarget', () => {
  it('allows http, https and mailto only', () => {
    expect(hyperlinkTarget('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(hyperlinkTarget('HTTP://example.com')).toBe('HTTP://example.com');
    expect(hyperlinkTarget('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    expect(hyperlinkTarget('javascript:alert(1)')).toBeNull();
    expect(hyperlinkTarget('file:///etc/passwd')).toBeNull();
    expect(hyperlinkTarget('ftp://example.com')).toBeNull();
    expect(hyperlinkTarget('relative/path.md')).toBeNull();
  });

  it('percent-encodes anything that could end the escape sequence', () => {
    expect(hyperlinkTarget('https://example.com/\u001b\\\u0007 ä')).toBe('https://example.com/%1B\\%07%20%C3%A4');
  });
});

describe('the painter, every frame\'s output edge', () => {
  it('paints no control sequence of its own text, whatever reached a laid-out line (an overlay header with a raw slide title, say)', async () => {
    const { paintLine } = await import('../../src/render/paint.js');
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 3;
    try {
      const title = 'Sources of slide 1: \u001bc\u001b]52;c;aGk=\u0007\u009b2J';
      const painted = paintLine([{ text: title, style: { fg: '#ff0000', bold: true } }, { text: 'link', style: {}, href: 'https://example.com/' }], 80, '#000000');
      const rest = painted.replace(/\u001b\[[0-9;:]*m|\u001b\]8;;[\u0021-\u007e]*\u001b\\/gu, '');
      expect(rest).not.toMatch(UNSAFE);
      expect(rest).toContain('␛c␛]52;c;aGk=␇<U+009B>2J');
    } finally {
      chalk.level = level;
    }
  });
});

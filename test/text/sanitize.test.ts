import { describe, expect, it } from 'vitest';
import { escapeControls, isSafePainted, sanitizeOutput } from '../../src/text/index.js';

describe('sanitizeOutput, the output edge', () => {
  it('keeps no control sequence in plain output, tabs and newlines aside', () => {
    expect(sanitizeOutput('a\tb\n\u001b[31mred\u001b[0m\u001bc')).toBe('a\tb\n␛[31mred␛[0m␛c');
  });

  it("keeps talkdeck's own SGR and OSC 8 in painted output, and nothing else", () => {
    const own = '\u001b[1;38;2;255;0;0mbold\u001b[22m \u001b]8;;https://example.com/\u001b\\link\u001b]8;;\u001b\\';
    expect(sanitizeOutput(own, { painted: true })).toBe(own);
    expect(sanitizeOutput(`${own}\u001b]52;c;aGk=\u0007\u009b2J\u001b[2J`, { painted: true })).toBe(`${own}␛]52;c;aGk=␇<U+009B>2J␛[2J`);
    // An OSC 8 whose URL is not printable ASCII is not ours.
    expect(sanitizeOutput('\u001b]8;;https://e.com/\u0007x\u001b\\', { painted: true })).toBe('␛]8;;https://e.com/␇x␛\\');
  });

  it('is what escapeControls does for plain text, and isSafePainted accepts what it paints', () => {
    const hostile = 'x\u0000\u0007\u001b\u007f\u0085\u202e\u2066';
    expect(sanitizeOutput(hostile)).toBe(escapeControls(hostile));
    expect(isSafePainted(sanitizeOutput(hostile))).toBe(true);
    expect(isSafePainted(hostile)).toBe(false);
    expect(isSafePainted('row\r\nrow \u001b[0m')).toBe(true);
    expect(isSafePainted('row\rover')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { backgroundFromColorFgBg, backgroundOf, parseQueryReplies } from '../../src/present/terminal-background.js';

describe("the terminal's background", () => {
  it('reads an OSC 11 answer in any of its forms, with keys typed meanwhile kept', () => {
    expect(parseQueryReplies('\u001b]11;rgb:1e1e/1e1e/2e2e\u001b\\\u001b[?62;22c')).toEqual({ background: 'dark', done: true, keys: '' });
    expect(parseQueryReplies('\u001b]11;rgb:ffff/fafa/f0f0\u0007\u001b[?1;2c')).toEqual({ background: 'light', done: true, keys: '' });
    // Two hex digits a channel (some terminals), rgba (kitty), and a key typed before the answer.
    expect(parseQueryReplies('j\u001b]11;rgba:fd/f6/e3/ff\u001b\\')).toEqual({ background: 'light', done: false, keys: 'j' });
    // No OSC 11 answer, only DA1: the terminal does not know OSC 11.
    expect(parseQueryReplies('\u001b[?64;1c q')).toEqual({ background: null, done: true, keys: ' q' });
  });

  it('calls a colour light by its perceived lightness', () => {
    expect(backgroundOf(0, 0, 0)).toBe('dark');
    expect(backgroundOf(1, 1, 1)).toBe('light');
    // Solarized's backgrounds: base03 is dark, base3 light; a grey just under L* 50 is dark, one just over light.
    expect(backgroundOf(0x00 / 255, 0x2b / 255, 0x36 / 255)).toBe('dark');
    expect(backgroundOf(0xfd / 255, 0xf6 / 255, 0xe3 / 255)).toBe('light');
    expect(backgroundOf(0x70 / 255, 0x70 / 255, 0x70 / 255)).toBe('dark');
    expect(backgroundOf(0x7a / 255, 0x7a / 255, 0x7a / 255)).toBe('light');
  });

  it('falls back on COLORFGBG: 0–6 and 8 dark, 7 and 9–15 light', () => {
    expect(['15;0', '0;15', '0;default;7', '7;8', '0;12', '', 'x;y', '0;200'].map(backgroundFromColorFgBg)).toEqual(['dark', 'light', 'light', 'dark', 'light', null, null, null]);
    expect(backgroundFromColorFgBg(undefined)).toBeNull();
  });
});

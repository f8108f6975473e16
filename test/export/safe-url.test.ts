import { describe, expect, it } from 'vitest';
import { safeImageSrc, safeLinkHref } from '../../src/export/index.js';
import { cssColor, pageColors } from '../../src/export/css-color.js';

describe('safeLinkHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTP://EXAMPLE.COM', 'HTTP://EXAMPLE.COM'],
    ['mailto:ada@example.com', 'mailto:ada@example.com'],
    ['docs/intro.md', 'docs/intro.md'],
    ['../up.html', '../up.html'],
    ['/abs/path', '/abs/path'],
    ['#section', '#section'],
    ['?q=1', '?q=1'],
    ['  https://padded.example  ', 'https://padded.example'],
    ['https://example.com/a b', 'https://example.com/a b'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['\u0001javascript:alert(1)', null],
    ['javascript\u200b:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['//evil.example/x', null],
    ['\\\\evil.example\\x', null],
    ['/\\evil.example', null],
    ['', null],
  ])('%j → %j', (href, expected) => {
    expect(safeLinkHref(href)).toBe(expected);
  });
});

describe('safeImageSrc', () => {
  it.each([
    ['img/a.png', 'img/a.png'],
    ['https://example.com/a.png', 'https://example.com/a.png'],
    ['mailto:a@b', null],
    ['javascript:alert(1)', null],
    ['data:image/svg+xml,<svg onload=alert(1)>', null],
  ])('%j → %j', (src, expected) => {
    expect(safeImageSrc(src)).toBe(expected);
  });
});

describe('cssColor', () => {
  it.each([
    ['#1e1e2e', '#1e1e2e'],
    ['#ABC', '#aabbcc'],
    ['red', '#cd0000'],
    ['blueBright', '#5c5cff'],
    ['ansi256(16)', '#000000'],
    ['ansi256(196)', '#ff0000'],
    ['ansi256(244)', '#808080'],
    ['rgb(1,2,3)', '#010203'],
    ['default', null],
    ['red;}</style>', null],
    ['expression(alert(1))', null],
    ['url(javascript:x)', null],
  ])('%j → %j', (color, expected) => {
    expect(cssColor(color)).toBe(expected);
  });

  it('picks readable page colours when the theme leaves them to the terminal', () => {
    expect(pageColors('default', 'default')).toEqual({ background: '#ffffff', text: '#1f2430' });
    expect(pageColors('default', '#eeeeee').background).toBe('#1e1e2e');
    expect(pageColors('#000000', undefined).text).toBe('#e6e6e6');
  });
});

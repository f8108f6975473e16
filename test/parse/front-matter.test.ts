import { describe, expect, test } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { heading, messages, para, parseFixture } from './helpers.js';

describe('front matter', () => {
  test('every known key, with free keys kept in extra', () => {
    const deck = parseFixture('front-matter-full.md');
    expect(deck.meta).toEqual({
      title: 'The Talk',
      subtitle: 'A subtitle',
      author: 'Ada',
      date: '2025-06-01',
      event: 'Conf 2025',
      theme: 'dark',
      durationMs: 90 * 60_000,
      incrementalLists: true,
      extra: { tags: ['a', 'b'], venue: { room: 3 } },
    });
    expect(deck.slides[0]?.location).toEqual({ file: 'front-matter-full.md', line: 14, column: 1 });
    expect(deck.diagnostics).toEqual([]);
  });

  test("presenterm's keys: sub_title, authors and theme.name", () => {
    const deck = parseFixture('front-matter-presenterm.md');
    expect(deck.meta).toMatchObject({
      title: 'presenterm deck',
      subtitle: 'with its own keys',
      author: 'Ada, Grace',
      theme: 'catppuccin',
      extra: { options: { end_slide_shorthand: true } },
    });
    expect(deck.diagnostics).toEqual([]);
  });

  test('a YAML syntax error is located in the deck file', () => {
    const deck = parseFixture('front-matter-yaml-error.md');
    expect(messages(deck)).toEqual([
      'front-matter-yaml-error.md:4:1: error: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML between the `---` lines (quote a value that holds : # [ or {, like `title: "Why: a talk"`)',
    ]);
    expect(deck.meta.title).toBe('ok');
    expect(deck.meta.author).toBe('Ada');
    expect(deck.slides.map((s) => s.title)).toEqual(['Slide']);
  });

  test('wrong types are errors at the value; a near-miss key gets a hint', () => {
    const deck = parseFixture('front-matter-wrong-types.md');
    expect(messages(deck)).toEqual([
      'front-matter-wrong-types.md:2:8: error: `title` must be text',
      'front-matter-wrong-types.md:4:11: error: `duration` must be a length of time like 20m, 1h30m or 45 (minutes), not "soon"',
      'front-matter-wrong-types.md:5:20: error: `incremental_lists` must be true or false, not "yes"',
      'front-matter-wrong-types.md:6:8: error: `theme` must be a theme name or a path to a theme file',
      'front-matter-wrong-types.md:7:1: info: `titel` is not a key talkdeck reads (kept as extra); did you mean `title`?',
    ]);
    expect(deck.meta).toMatchObject({ title: '', date: '2025', durationMs: null, incrementalLists: false, theme: '', extra: { titel: 'typo' } });
  });

  test('front matter that is not a mapping, or has a key twice', () => {
    expect(messages(parseFixture('front-matter-not-a-map.md'))).toEqual([
      'front-matter-not-a-map.md:2:1: error: front matter must be a mapping of keys to values, like `title: My talk`',
    ]);
    expect(messages(parseFixture('front-matter-duplicate-key.md'))).toEqual(['front-matter-duplicate-key.md:3:1: error: front matter: Map keys must be unique; keep only one of them']);
  });

  test('unclosed front matter is an error and the rest is read as slides', () => {
    const deck = parseFixture('front-matter-unclosed.md');
    expect(messages(deck)).toEqual(['front-matter-unclosed.md:1:1: error: front matter is never closed: add a `---` line after it']);
    expect(deck.slides[0]?.blocks).toEqual([para(2, 'title: never closed'), heading(1, 3, 'Slide')]);
  });

  test('a duration may be a bare number of minutes; empty front matter is fine', () => {
    expect(parseDeck('---\nduration: 45\n---\n# A', { file: 'a.md' }).meta.durationMs).toBe(45 * 60_000);
    const empty = parseDeck('---\n---\n# A', { file: 'a.md' });
    expect(empty.meta.title).toBe('');
    expect(empty.diagnostics).toEqual([]);
    expect(empty.slides[0]?.location.line).toBe(3);
  });

  test('aliases that expand past the limit, and YAML nested too deeply, are errors in words, said once', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [i, name] of [...'bcdefgh'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
    const bomb = parseDeck(`---\n${levels.join('\n')}\n---\n\n# Slide\n`, { file: 'bomb.md' });
    expect(messages(bomb)).toEqual([
      'bomb.md:2:1: error: front matter: its aliases expand too far (over 100 uses); write the values out plainly',
    ]);
    const deep = parseDeck(`---\ntitle: x\na: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n\n# Slide\n`, { file: 'deep.md' });
    expect(messages(deep)).toHaveLength(1);
    expect(messages(deep)[0]).toMatch(/^deep\.md:3:\d+: error: front matter: nested too deeply to read; make it flatter/u);
    expect(deep.slides[0]?.title).toBe('Slide');
  });
});

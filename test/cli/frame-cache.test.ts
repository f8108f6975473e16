import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameCacheDir, isSafeFrame, readCachedFrame, writeCachedFrame, type FrameKey } from '../../src/cli/frame-cache.js';
import { paintFirstFrame } from '../../src/present/start.js';
import { loadDeck } from '../../src/parse/index.js';
import { applyColorLevel, loadTheme } from '../../src/theme/index.js';

let dir = '';
let cache = '';
let deck = '';
let part = '';

const key = (over: Partial<FrameKey> = {}): FrameKey => ({
  deckPath: deck,
  command: 'present',
  options: { theme: null, dialect: null, allowOutside: false, presenter: false },
  cwd: dir,
  columns: 80,
  rows: 24,
  colorLevel: 3,
  hyperlinks: true,
  ...over,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-frame-cache-'));
  cache = join(dir, 'cache');
  deck = join(dir, 'deck.md');
  part = join(dir, 'part.md');
  writeFileSync(deck, '# One\n\n<!-- include: part.md -->\n');
  writeFileSync(part, 'Included text.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('frameCacheDir', () => {
  it('follows TALKDECK_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache, and can be switched off', () => {
    expect(frameCacheDir({ TALKDECK_CACHE_DIR: '/c' })).toBe(join('/c', 'frames'));
    expect(frameCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe(join('/x', 'talkdeck', 'frames'));
    expect(frameCacheDir({ HOME: '/h' })).toBe(join('/h', '.cache', 'talkdeck', 'frames'));
    for (const off of ['off', '0', 'false', 'OFF']) expect(frameCacheDir({ TALKDECK_CACHE: off, TALKDECK_CACHE_DIR: '/c' })).toBeNull();
  });
});

describe('the frame cache', () => {
  it('gives back the frame while every file it was made from is unchanged', () => {
    writeCachedFrame(cache, key(), 'frame one', [deck, part]);
    expect(readCachedFrame(cache, key())).toBe('frame one');
  });

  it('misses when any file changes, even keeping its size, or disappears', () => {
    writeCachedFrame(cache, key(), 'frame', [deck, part]);
    writeFileSync(part, 'Included TEXT.\n');
    expect(readCachedFrame(cache, key())).toBeNull();
    writeCachedFrame(cache, key(), 'frame', [deck, part]);
    rmSync(part);
    expect(readCachedFrame(cache, key())).toBeNull();
  });

  it('misses for another size, colour depth, hyperlink support, option, folder or deck', () => {
    writeCachedFrame(cache, key(), 'frame', [deck]);
    for (const other of [
      { columns: 81 },
      { rows: 25 },
      { colorLevel: 2 },
      { hyperlinks: false },
      { options: { theme: 'light', dialect: null, allowOutside: false, presenter: false } },
      { cwd: tmpdir() },
      { deckPath: part },
      { command: 'rehearse' },
    ]) {
      expect(readCachedFrame(cache, key(other))).toBeNull();
    }
    expect(readCachedFrame(cache, key())).toBe('frame');
  });

  it('never keeps, and never gives back, a frame with control sequences other than colours and links', () => {
    const hostile = ['\u001b]52;c;aGk=\u0007', '\u001bP+q\u001b\\', '\u009b2J', 'bell\u0007', '\u001b[2J'];
    for (const frame of hostile) {
      expect(isSafeFrame(frame)).toBe(false);
      writeCachedFrame(cache, key(), frame, [deck]);
      expect(readCachedFrame(cache, key())).toBeNull();
    }
    // An entry changed on disk by someone else is refused too.
    writeCachedFrame(cache, key(), 'fine', [deck]);
    const [name] = readdirSync(cache);
    const entry = JSON.parse(readFileSync(join(cache, name!), 'utf8')) as { frame: string };
    entry.frame = 'evil\u001b]0;title\u0007';
    writeFileSync(join(cache, name!), JSON.stringify(entry));
    expect(readCachedFrame(cache, key())).toBeNull();
    writeFileSync(join(cache, name!), '{not json');
    expect(readCachedFrame(cache, key())).toBeNull();
  });

  it('keeps a real painted frame: colours, a background, CJK and an OSC 8 link', () => {
    writeFileSync(deck, '# 標題 Title\n\nSee [the post](https://example.com/post) 👋\n');
    applyColorLevel(3);
    const theme = loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() });
    const frame = paintFirstFrame({ deck: loadDeck(deck), theme, hyperlinks: true }, 80, 24);
    expect(frame).toContain('\u001b]8;;https://example.com/post');
    expect(frame).toContain('\u001b[');
    expect(isSafeFrame(frame)).toBe(true);
    writeCachedFrame(cache, key(), frame, [deck]);
    expect(readCachedFrame(cache, key())).toBe(frame);
  });

  it('is not written where it cannot be, and that is no error', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeCachedFrame(join(dir, 'file', 'below'), key(), 'frame', [deck])).not.toThrow();
    expect(() => writeCachedFrame(cache, key(), 'frame', [join(dir, 'missing.md')])).not.toThrow();
    expect(readCachedFrame(cache, key())).toBeNull();
  });

  it('drops the oldest entries beyond 200', () => {
    for (let i = 0; i < 205; i++) {
      writeCachedFrame(cache, key({ columns: 100 + i }), `frame ${i}`, [deck]);
      // Entries written within one clock tick would tie: age them explicitly.
      const when = new Date(Date.now() - (205 - i) * 1000);
      for (const name of readdirSync(cache)) {
        if (readFileSync(join(cache, name), 'utf8').includes(`"frame ${i}"`)) utimesSync(join(cache, name), when, when);
      }
    }
    expect(readdirSync(cache).filter((name) => name.endsWith('.json')).length).toBeLessThanOrEqual(200);
    expect(readCachedFrame(cache, key({ columns: 100 }))).toBeNull();
    expect(readCachedFrame(cache, key({ columns: 304 }))).toBe('frame 204');
  });
});

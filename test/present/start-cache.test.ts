import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSafeFrame, MAX_ENTRY_BYTES, readCachedDeck as readKept, readCachedFrame, startCacheDir, writeCachedDeck, writeCachedFrame, type CacheKey, type FrameKey } from '../../src/present/start-cache.js';
import { asKeptDeck, keptSlides } from '../../src/present/deck-schema.js';
import { READ_LIMITS } from '../../src/io/index.js';
import { paintFirstFrame } from '../../src/present/start.js';
import { loadDeck, loadDeckWithDialect } from '../../src/parse/index.js';
import { applyColorLevel, loadTheme } from '../../src/theme/index.js';

/** A launch that began after every fixture file was written (they are all written just now). */
const LATER = Date.now() + 60_000;

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
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-start-cache-'));
  cache = join(dir, 'cache');
  deck = join(dir, 'deck.md');
  part = join(dir, 'part.md');
  writeFileSync(deck, '# One\n\n<!-- include: part.md -->\n');
  writeFileSync(part, 'Included text.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('startCacheDir', () => {
  it('follows TALKDECK_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache, and can be switched off', () => {
    expect(startCacheDir({ TALKDECK_CACHE_DIR: '/nonexistent/c' })).toBe('/nonexistent/c');
    expect(startCacheDir({ XDG_CACHE_HOME: '/nonexistent/x', HOME: '/h' })).toBe(join('/nonexistent/x', 'talkdeck'));
    expect(startCacheDir({ HOME: '/nonexistent/h' })).toBe(join('/nonexistent/h', '.cache', 'talkdeck'));
    for (const off of ['off', '0', 'false', 'OFF']) expect(startCacheDir({ TALKDECK_CACHE: off, TALKDECK_CACHE_DIR: '/c' })).toBeNull();
  });

  it("trusts only a folder of the user's own that nobody else can write to", () => {
    mkdirSync(cache, { mode: 0o700 });
    expect(startCacheDir({ TALKDECK_CACHE_DIR: cache })).toBe(cache);
    chmodSync(cache, 0o777);
    expect(startCacheDir({ TALKDECK_CACHE_DIR: cache })).toBeNull();
    chmodSync(cache, 0o755);
    expect(startCacheDir({ TALKDECK_CACHE_DIR: cache })).toBe(cache);
    // A file, or a link to a folder, is not a cache folder.
    symlinkSync(cache, join(dir, 'link'));
    expect(startCacheDir({ TALKDECK_CACHE_DIR: join(dir, 'link') })).toBeNull();
    expect(startCacheDir({ TALKDECK_CACHE_DIR: deck })).toBeNull();
  });
});

describe('the frame cache', () => {
  it('gives back the frame while every file it was made from is unchanged', () => {
    writeCachedFrame(cache, key(), 'frame one', [deck, part], LATER);
    expect(readCachedFrame(cache, key())).toBe('frame one');
  });

  it('misses when any file changes, even keeping its size, or disappears', () => {
    writeCachedFrame(cache, key(), 'frame', [deck, part], LATER);
    writeFileSync(part, 'Included TEXT.\n');
    expect(readCachedFrame(cache, key())).toBeNull();
    writeCachedFrame(cache, key(), 'frame', [deck, part], LATER);
    rmSync(part);
    expect(readCachedFrame(cache, key())).toBeNull();
  });

  it('misses for another size, colour depth, hyperlink support, option, folder or deck', () => {
    writeCachedFrame(cache, key(), 'frame', [deck], LATER);
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
      writeCachedFrame(cache, key(), frame, [deck], LATER);
      expect(readCachedFrame(cache, key())).toBeNull();
    }
    // An entry changed on disk by someone else is refused too.
    writeCachedFrame(cache, key(), 'fine', [deck], LATER);
    const [name] = readdirSync(join(cache, 'frames'));
    const entry = JSON.parse(readFileSync(join(cache, 'frames', name!), 'utf8')) as { value: string };
    entry.value = 'evil\u001b]0;title\u0007';
    writeFileSync(join(cache, 'frames', name!), JSON.stringify(entry));
    expect(readCachedFrame(cache, key())).toBeNull();
    writeFileSync(join(cache, 'frames', name!), '{not json');
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
    writeCachedFrame(cache, key(), frame, [deck], LATER);
    expect(readCachedFrame(cache, key())).toBe(frame);
  });

  it('keeps nothing read from a file written after the launch began, or just before', () => {
    writeCachedFrame(cache, key(), 'frame', [deck, part], Date.now());
    expect(readCachedFrame(cache, key())).toBeNull();
    const old = new Date(Date.now() - 10_000);
    utimesSync(deck, old, old);
    utimesSync(part, old, old);
    writeCachedFrame(cache, key(), 'frame', [deck, part], Date.now());
    expect(readCachedFrame(cache, key())).toBe('frame');
  });

  it('never reads from a FIFO named in an entry', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    writeCachedFrame(cache, key(), 'frame', [deck], LATER);
    const [name] = readdirSync(join(cache, 'frames'));
    const entry = JSON.parse(readFileSync(join(cache, 'frames', name!), 'utf8')) as { files: Array<[string, string]> };
    entry.files.push([fifo, 'x']);
    writeFileSync(join(cache, 'frames', name!), JSON.stringify(entry));
    // Reading the FIFO would block here for ever.
    expect(readCachedFrame(cache, key())).toBeNull();
  });

  it('reads neither a file over the size limit named in an entry, nor an entry that is a link', () => {
    writeCachedFrame(cache, key(), 'frame', [deck], LATER);
    const [name] = readdirSync(join(cache, 'frames'));
    const file = join(cache, 'frames', name!);
    const good = readFileSync(file, 'utf8');
    // A sparse file just over a deck's limit, named with its true hash: read, it would be a hit.
    const huge = join(dir, 'huge');
    writeFileSync(huge, '');
    truncateSync(huge, READ_LIMITS.deck + 1);
    const entry = JSON.parse(good) as { files: Array<[string, string]> };
    entry.files.push([huge, createHash('sha256').update(readFileSync(huge)).digest('hex')]);
    writeFileSync(file, JSON.stringify(entry));
    expect(readCachedFrame(cache, key())).toBeNull();
    // The entry itself a link to a well-formed entry elsewhere: not the cache's own file, a miss.
    writeFileSync(join(dir, 'elsewhere.json'), good);
    rmSync(file);
    symlinkSync(join(dir, 'elsewhere.json'), file);
    expect(readCachedFrame(cache, key())).toBeNull();
    rmSync(file);
    writeFileSync(file, good);
    expect(readCachedFrame(cache, key())).toBe('frame');
  });

  it('is not written where it cannot be, and that is no error', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeCachedFrame(join(dir, 'file', 'below'), key(), 'frame', [deck], LATER)).not.toThrow();
    expect(() => writeCachedFrame(cache, key(), 'frame', [join(dir, 'missing.md')], LATER)).not.toThrow();
    expect(readCachedFrame(cache, key())).toBeNull();
  });

  it('drops the oldest entries beyond 200', () => {
    for (let i = 0; i < 205; i++) {
      writeCachedFrame(cache, key({ columns: 100 + i }), `frame ${i}`, [deck], LATER);
      // Entries written within one clock tick would tie: age them explicitly.
      const when = new Date(Date.now() - (205 - i) * 1000);
      for (const name of readdirSync(join(cache, 'frames'))) {
        if (readFileSync(join(cache, 'frames', name), 'utf8').includes(`"frame ${i}"`)) utimesSync(join(cache, 'frames', name), when, when);
      }
    }
    expect(readdirSync(join(cache, 'frames')).filter((name) => name.endsWith('.json')).length).toBeLessThanOrEqual(200);
    expect(readCachedFrame(cache, key({ columns: 100 }))).toBeNull();
    expect(readCachedFrame(cache, key({ columns: 304 }))).toBe('frame 204');
  });
});

const readCachedDeck = (dir: string, key: CacheKey) => readKept(dir, key, asKeptDeck);

describe('the deck cache', () => {
  it('gives back a parsed deck equal to a fresh parse, until one of its files changes', () => {
    const deckKey = { path: deck, cwd: dir, allowOutside: false, dialect: 'auto' };
    const read = loadDeckWithDialect(deck);
    expect(read.files).toEqual([deck, part]);
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    expect(readCachedDeck(cache, deckKey)).toEqual(read);
    expect(readCachedDeck(cache, { ...deckKey, dialect: 'marp' })).toBeUndefined();
    writeFileSync(part, 'Changed.\n');
    expect(readCachedDeck(cache, deckKey)).toBeUndefined();
  });

  it('lists an include that could not be read, so a deck kept without it is never used once it exists', () => {
    rmSync(part);
    const read = loadDeckWithDialect(deck);
    expect(read.deck.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(read.files).toEqual([deck, part]);
    writeCachedDeck(cache, { path: deck }, read, read.files, LATER);
    expect(readCachedDeck(cache, { path: deck })).toBeUndefined();
  });

  it('keeps every deck of the project exactly, and each passes the schema a kept deck is checked against', () => {
    const decks = ['decks/tour.md', 'decks/unikernels/talk.md', ...readdirSync('test/fixtures/dialects').map((name) => `test/fixtures/dialects/${name}`)];
    for (const path of decks.filter((name) => name.endsWith('.md'))) {
      const read = loadDeckWithDialect(path);
      expect(JSON.parse(JSON.stringify(read)), path).toEqual(read);
      expect(asKeptDeck(JSON.parse(JSON.stringify(read))), path).toEqual(read);
    }
  });

  it('takes an entry of the wrong shape for a miss, never for a deck', () => {
    const deckKey = { path: deck, cwd: dir, allowOutside: false, dialect: 'auto' };
    const read = loadDeckWithDialect(deck);
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    const [name] = readdirSync(join(cache, 'decks'));
    const file = join(cache, 'decks', name!);
    const good = JSON.parse(readFileSync(file, 'utf8')) as { value: { deck: { slides: Array<Record<string, unknown>> } } };
    const spoilt: Array<(value: { deck: { slides: Array<Record<string, unknown>> } }) => void> = [
      (v) => (v.deck.slides[0]!.blocks = 'not blocks'),
      (v) => (v.deck.slides[0]!.title = 42),
      (v) => (v.deck.slides[0]!.blocks = [{ kind: 'paragraph', step: 0, align: 'left', line: 1, children: [{ kind: 'text', text: 7 }] }]),
      (v) => (v.deck.slides[0]!.blocks = [{ kind: 'no-such-kind', step: 0, align: 'left', line: 1 }]),
      (v) => (v.deck.slides[0]!.steps = 0),
      (v) => ((v.deck as unknown as Record<string, unknown>).diagnostics = null),
      (v) => ((v as unknown as Record<string, unknown>).files = 'deck.md'),
    ];
    for (const spoil of spoilt) {
      const entry = structuredClone(good);
      spoil(entry.value);
      writeFileSync(file, JSON.stringify(entry));
      expect(readCachedDeck(cache, deckKey)).toBeUndefined();
    }
    writeFileSync(file, JSON.stringify(good));
    expect(readCachedDeck(cache, deckKey)).toEqual(read);
  });

  it('writes no entry above the size cap', () => {
    const deckKey = { path: deck, cwd: dir, allowOutside: false, dialect: 'auto' };
    const read = loadDeckWithDialect(deck);
    const huge = { ...read, reason: 'x'.repeat(MAX_ENTRY_BYTES) };
    writeCachedDeck(cache, deckKey, huge, read.files, LATER);
    expect(readCachedDeck(cache, deckKey)).toBeUndefined();
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    expect(readCachedDeck(cache, deckKey)).toEqual(read);
  });

  it('checks the folder before every write, not only at start: one opened to others since is not written to', () => {
    const deckKey = { path: deck, cwd: dir, allowOutside: false, dialect: 'auto' };
    const read = loadDeckWithDialect(deck);
    expect(startCacheDir({ TALKDECK_CACHE_DIR: cache })).toBe(cache);
    mkdirSync(join(cache, 'decks'), { recursive: true, mode: 0o700 });
    chmodSync(cache, 0o700);
    // Made writable by others after the launch chose it.
    chmodSync(join(cache, 'decks'), 0o777);
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    expect(readdirSync(join(cache, 'decks'))).toEqual([]);
    chmodSync(join(cache, 'decks'), 0o700);
    chmodSync(cache, 0o777);
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    expect(readdirSync(join(cache, 'decks'))).toEqual([]);
    chmodSync(cache, 0o700);
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    expect(readdirSync(join(cache, 'decks'))).toHaveLength(1);
  });

  it("hears the value of an entry whose files changed, and takes from it only the slides of a slide's shape, by their keys", () => {
    const deckKey = { path: deck, cwd: dir, allowOutside: false, dialect: 'auto' };
    writeFileSync(deck, '# One\n\n- a\n\n---\n\n# Two\n\n- b\n\n---\n\n# Three\n');
    const read = loadDeckWithDialect(deck, { keySlides: true });
    expect(read.slideKeys).toHaveLength(3);
    writeCachedDeck(cache, deckKey, read, read.files, LATER);
    let stale: unknown;
    expect(readKept(cache, deckKey, asKeptDeck, (value) => (stale = value))).toEqual(read);
    expect(stale).toBeUndefined();
    writeFileSync(deck, '# One\n\n- a, edited\n\n---\n\n# Two\n\n- b\n\n---\n\n# Three\n');
    expect(readKept(cache, deckKey, asKeptDeck, (value) => (stale = value))).toBeUndefined();
    const kept = keptSlides(stale);
    expect([...kept.keys()]).toEqual(read.slideKeys);
    const edited = loadDeckWithDialect(deck, { reuse: kept });
    expect(edited.deck).toEqual(loadDeckWithDialect(deck).deck);

    // An entry is untrusted: a slide of the wrong shape is left out (built afresh), keys that do
    // not match the slides give none, and a kept deck with such keys is no deck.
    const spoilt = structuredClone(stale) as { deck: { slides: Array<Record<string, unknown>> }; slideKeys: unknown };
    spoilt.deck.slides[1]!.blocks = 'not blocks';
    expect([...keptSlides(spoilt).keys()]).toEqual([read.slideKeys![0], read.slideKeys![2]]);
    for (const slideKeys of [read.slideKeys!.slice(1), 'keys', [1, 2, 3]]) {
      const wrong = { ...(stale as object), slideKeys };
      expect(keptSlides(wrong).size).toBe(0);
      expect(asKeptDeck(wrong)).toBeUndefined();
    }
    for (const value of [null, 'deck', { deck: { slides: 'no' }, slideKeys: [] }]) expect(keptSlides(value).size).toBe(0);
  });
});

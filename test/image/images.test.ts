import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { decode as decodeSixel } from 'sixel';
import { describe, expect, test } from 'vitest';
import { ImageStore, chooseProtocol, findPlacements, kittyDelete, protocolFromReply, tmuxWrap, type ImageProtocol } from '../../src/image/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { findOverflows, layoutScreen, type StyledLine } from '../../src/render/index.js';
import { testTheme } from '../fixtures/render/theme.js';
import { boxed, expectGolden } from '../render/golden.js';

const FIXTURES = 'test/fixtures/features';
const read = (src: string) => readFileSync(`${FIXTURES}/${src}`);
const RED = [255, 0, 0];
const GREEN = [0, 255, 0];
const BLUE = [0, 0, 255];
const WHITE = [255, 255, 255];

/** The colour at a share of the width and height, within a tolerance for lossy formats. */
function expectQuadrants(pixel: (x: number, y: number) => number[], width: number, height: number, tolerance = 24): void {
  const near = (actual: number[], expected: number[]) => expected.every((v, i) => Math.abs(actual[i]! - v) <= tolerance);
  const at = (fx: number, fy: number) => pixel(Math.floor(width * fx), Math.floor(height * fy));
  expect(near(at(0.25, 0.25), RED), `top left ${at(0.25, 0.25)}`).toBe(true);
  expect(near(at(0.75, 0.25), GREEN), `top right ${at(0.75, 0.25)}`).toBe(true);
  expect(near(at(0.25, 0.75), BLUE), `bottom left ${at(0.25, 0.75)}`).toBe(true);
  expect(near(at(0.75, 0.75), WHITE), `bottom right ${at(0.75, 0.75)}`).toBe(true);
}

function pngPixels(bytes: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, pixel: (x, y) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)] };
}

const MARK = { src: 'quadrants.png', columns: 8, rows: 2, row: 0 };

async function encoded(protocol: ImageProtocol, src = 'quadrants.png'): Promise<string> {
  const store = new ImageStore({ read, protocol });
  await store.load(src);
  const mark = { ...MARK, src };
  store.sequence(mark);
  for (let i = 0; i < 200 && store.sequence(mark) === null; i++) await new Promise((done) => setTimeout(done, 10));
  return store.sequence(mark)!;
}

describe('decoding', () => {
  test.each(['png', 'jpg', 'gif', 'webp', 'svg'])('%s is read and measured', async (format) => {
    const store = new ImageStore({ read, protocol: 'blocks' });
    expect(await store.load(`quadrants.${format}`)).toEqual({ width: 40, height: 20 });
  });

  test('an image that cannot be read keeps its framed alt text', async () => {
    const store = new ImageStore({ read, protocol: 'blocks' });
    expect(await store.load('missing.png')).toBeNull();
    const deck = parseDeck('![not there](missing.png)\n', { file: 'deck.md' });
    const lines = layoutScreen({ deck, position: { slide: 0, step: 0 }, theme: testTheme, columns: 40, rows: 8, elapsedMs: 0, hyperlinks: false, images: store.layout(), extrasKey: '1' });
    expect(lines.map((l) => l.map((s) => s.text).join('')).join('\n')).toContain('image: not there');
  });
});

describe('each protocol, decoded back', () => {
  test.each(['png', 'jpg', 'webp', 'svg'])('kitty: %s as base64 PNG, in chunks, placed over the box', async (format) => {
    const sequence = await encoded('kitty', `quadrants.${format}`);
    const chunks = [...sequence.matchAll(/\x1b_G([^;]*);([^\x1b]*)\x1b\\/gu)];
    expect(chunks[0]![1]).toMatch(/^a=T,f=100,t=d,i=\d+,c=8,r=2,C=1,q=2,m=[01]$/u);
    const image = pngPixels(Buffer.from(chunks.map((c) => c[2]).join(''), 'base64'));
    expect([image.width, image.height]).toEqual([40, 20]);
    expectQuadrants(image.pixel, image.width, image.height);
  });

  test('iTerm2: base64 PNG sized in cells; a GIF is sent as it is (animated where iTerm2 animates)', async () => {
    const sequence = await encoded('iterm2');
    const match = /^\x1b\]1337;File=inline=1;size=(\d+);width=8;height=2;preserveAspectRatio=1:([A-Za-z0-9+/=]+)\x07$/u.exec(sequence)!;
    const bytes = Buffer.from(match[2]!, 'base64');
    expect(bytes.length).toBe(Number(match[1]));
    const image = pngPixels(bytes);
    expectQuadrants(image.pixel, image.width, image.height);
    const gif = await encoded('iterm2', 'quadrants.gif');
    expect(Buffer.from(gif.split(':')[1]!.slice(0, -1), 'base64').subarray(0, 6).toString()).toBe('GIF89a');
  });

  test('sixel: the box in pixels (10 × 20 a cell), colours kept', async () => {
    const sequence = await encoded('sixel');
    expect(sequence.startsWith('\x1bP')).toBe(true);
    const image = decodeSixel(sequence);
    // Sixel draws in bands of six pixel rows: the last band may reach past the box's 40.
    expect(image.width).toBe(80);
    expect(image.height).toBeGreaterThanOrEqual(40);
    expect(image.height).toBeLessThanOrEqual(42);
    const pixel = (x: number, y: number) => {
      const v = image.data32[y * image.width + x]!;
      return [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff];
    };
    expectQuadrants(pixel, 80, 40);
  });
});

/** The frame's text, and under it each image cell's colours as letters (upper half, lower half), by the nearest of red, green, blue and white. */
function halfBlockPicture(lines: readonly StyledLine[]): string {
  const palette: Array<[string, number[]]> = [['R', RED], ['G', GREEN], ['B', BLUE], ['W', WHITE]];
  const letter = (colour: string | undefined) => {
    if (!colour?.startsWith('#')) return '.';
    const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    return palette.map(([name, p]) => [name, p.reduce((sum, v, i) => sum + (v - rgb[i]!) ** 2, 0)] as const).sort((a, b) => a[1] - b[1])[0]![0];
  };
  const text = lines.map((line) => line.map((s) => s.text).join('')).join('\n');
  const colours = lines
    .filter((line) => line.some((s) => s.text.includes('▀')))
    .map((line) => line.flatMap((s) => (s.text.includes('▀') ? [...s.text].map(() => `${letter(s.style.fg)}${letter(s.style.bg)}`) : [])).join(' '));
  return `${text}\u0000upper/lower colour of each image cell:\n${colours.join('\n')}\n`;
}

describe('half blocks', () => {
  test('golden frame: an image at half the width, in colour, in the slide\'s layout', async () => {
    const deck = parseDeck('# Four colours\n\n![image:width:50%](quadrants.png)\n\nunder it\n', { file: `${FIXTURES}/deck.md` });
    const store = new ImageStore({ read, protocol: 'blocks' });
    await store.load('quadrants.png');
    const frame = () => layoutScreen({ deck, position: { slide: 0, step: 0 }, theme: testTheme, columns: 40, rows: 12, elapsedMs: 0, hyperlinks: false, images: store.layout(), extrasKey: String(store.version), footer: false });
    frame();
    for (let i = 0; i < 200 && !frame().some((line) => line.some((s) => s.text.includes('▀'))); i++) await new Promise((done) => setTimeout(done, 10));
    const lines = frame();
    const [text, colours] = halfBlockPicture(lines).split('\u0000');
    expectGolden('image-halfblocks.40x12', boxed(text!, 40, 'image-halfblocks 40x12') + colours);
  });

  test('an image takes rows like any block: check --size counts them', async () => {
    const deck = parseDeck('# Big\n\n![image:width:100%](quadrants.png)\n', { file: `${FIXTURES}/deck.md` });
    const store = new ImageStore({ read, protocol: 'blocks' });
    await store.load('quadrants.png');
    const images = { mode: 'graphics' as const, size: (src: string) => store.size(src) };
    // 60 columns wide is 15 rows tall at a cell's 1:2: it fits 80x24, and is shrunk to fit 40x12.
    expect(findOverflows(deck, testTheme, { columns: 80, rows: 24 }, { images, extrasKey: 'a' })).toEqual([]);
    const screen = layoutScreen({ deck, position: { slide: 0, step: 0 }, theme: testTheme, columns: 80, rows: 24, elapsedMs: 0, hyperlinks: false, images, extrasKey: 'a' });
    const boxRows = screen.filter((line) => line.some((s) => s.image)).length;
    expect(boxRows).toBeGreaterThan(10);
  });
});

describe('caching', () => {
  test('each image is read once and encoded once per size: showing it again encodes nothing', async () => {
    let reads = 0;
    const store = new ImageStore({ read: (src) => (reads++, read(src)), protocol: 'kitty' });
    const sequence = await encoded.call(null, 'kitty');
    expect(sequence).toContain('\x1b_G');
    await store.load('quadrants.png');
    await store.load('quadrants.png');
    store.sequence(MARK);
    for (let i = 0; i < 200 && store.sequence(MARK) === null; i++) await new Promise((done) => setTimeout(done, 10));
    const version = store.version;
    const first = store.sequence(MARK);
    const frame: StyledLine[] = [[{ text: '        ', style: {}, image: MARK }], [{ text: '        ', style: {}, image: { ...MARK, row: 1 } }]];
    for (let i = 0; i < 5; i++) store.overlay(frame);
    expect(store.sequence(MARK)).toBe(first);
    expect(store.version).toBe(version);
    expect(reads).toBe(1);
  });
});

describe('placing and clearing', () => {
  test('a frame\'s image boxes are found where the layout put them, only when wholly on screen', () => {
    const mark = (row: number) => ({ src: 'a.png', columns: 3, rows: 2, row });
    const lines: StyledLine[] = [[{ text: 'title', style: {} }], [{ text: '  ', style: {} }, { text: '   ', style: {}, image: mark(0) }], [{ text: '  ', style: {} }, { text: '   ', style: {}, image: mark(1) }]];
    expect(findPlacements(lines)).toEqual([{ mark: mark(0), row: 1, column: 2 }]);
    expect(findPlacements(lines.slice(0, 2))).toEqual([]);
  });

  test('kitty: an image no longer on screen is deleted by id; quitting deletes all', async () => {
    const store = new ImageStore({ read, protocol: 'kitty' });
    await store.load('quadrants.png');
    const frame: StyledLine[] = [[{ text: '        ', style: {}, image: MARK }], [{ text: '        ', style: {}, image: { ...MARK, row: 1 } }]];
    store.overlay(frame);
    for (let i = 0; i < 200 && store.sequence(MARK) === null; i++) await new Promise((done) => setTimeout(done, 10));
    const drawn = store.overlay(frame);
    const id = Number(/i=(\d+)/u.exec(drawn)![1]);
    expect(drawn.startsWith('\x1b7\x1b[1;1H\x1b_G')).toBe(true);
    expect(store.overlay([])).toBe(kittyDelete(id));
    expect(store.clear()).toBe(kittyDelete(id));
  });
});

describe('choosing a protocol', () => {
  test.each([
    [{ TERM: 'xterm-kitty' }, 'kitty'],
    [{ TERM: 'xterm-ghostty' }, 'kitty'],
    [{ TERM_PROGRAM: 'iTerm.app' }, 'iterm2'],
    [{ TERM_PROGRAM: 'WezTerm' }, 'iterm2'],
    [{ TERM_PROGRAM: 'vscode' }, 'iterm2'],
    [{ TERM: 'foot' }, 'sixel'],
    [{ WT_SESSION: 'x' }, 'sixel'],
    [{ TERM: 'xterm-256color' }, 'blocks'],
    [{ TERM: 'xterm-kitty', NO_COLOR: '1' }, 'none'],
    [{ TERM: 'xterm-kitty', TMUX: '/tmp/tmux' }, 'blocks'],
  ])('%j → %s', (env, protocol) => {
    expect(chooseProtocol('auto', env).protocol).toBe(protocol);
  });

  test('tmux with allow-passthrough passes the outer terminal\'s protocol through, wrapped', () => {
    expect(chooseProtocol('auto', { TMUX: '/tmp/t', KITTY_WINDOW_ID: '1' }, { tmuxPassthrough: true })).toEqual({ protocol: 'kitty', tmux: true, reason: 'tmux passthrough to the terminal' });
    expect(tmuxWrap('\x1b_Ga=d\x1b\\')).toBe('\x1bPtmux;\x1b\x1b_Ga=d\x1b\x1b\\\x1b\\');
  });

  test('the terminal\'s reply: kitty answers the graphics query; a 4 in DA1 means sixel', () => {
    expect(protocolFromReply('\x1b_Gi=31;OK\x1b\\\x1b[?62;22c')).toBe('kitty');
    expect(protocolFromReply('\x1b[?62;4;22c')).toBe('sixel');
    expect(protocolFromReply('\x1b[?1;2c')).toBeNull();
    expect(chooseProtocol('auto', { TERM: 'xterm-256color' }, { reply: '\x1b[?63;4c' }).protocol).toBe('sixel');
  });

  test('a protocol asked for is used; blocks under NO_COLOR fall back to the alt text', () => {
    expect(chooseProtocol('sixel', {}).protocol).toBe('sixel');
    expect(chooseProtocol('blocks', { NO_COLOR: '1' }).protocol).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { createScreenWriter, paintLines, type StyledLine } from '../../src/render/index.js';

const line = (text: string): StyledLine => [{ text, style: { fg: '#ff0000' } }];
const frame = (...rows: string[]): StyledLine[] => rows.map((text) => (text === '' ? [] : line(text)));

function writer(options: { sync?: boolean; after?: () => string } = {}) {
  const writes: string[] = [];
  const frames: number[] = [];
  const screen = createScreenWriter({ write: (bytes) => writes.push(bytes), sync: options.sync ?? true, after: options.after, onFrame: (rows) => frames.push(rows) });
  return { screen, writes, frames };
}

describe('the screen writer', () => {
  it('paints the first frame whole, in one synchronised update, with the rows the painter paints', () => {
    const { screen, writes, frames } = writer();
    screen.show(frame('one', '', 'three'), 20, 'default');
    expect(writes).toHaveLength(1);
    const painted = paintLines(frame('one', '', 'three'), 20, 'default').split('\r\n');
    expect(writes[0]).toBe(`\x1b[?2026h\x1b[2J\x1b[3J\x1b[H\x1b[1;1H${painted[0]}\x1b[3;1H${painted[2]}\x1b[?2026l`);
    expect(frames).toEqual([2]);
  });

  it('then rewrites only the rows that changed, erasing each first; an unchanged frame writes nothing', () => {
    const { screen, writes, frames } = writer({ sync: false });
    screen.show(frame('one', 'two', 'three'), 20, 'default');
    screen.show(frame('one', '', 'drei'), 20, 'default');
    expect(writes[1]).toBe(`\x1b[2;1H\x1b[2K\x1b[3;1H\x1b[2K${paintLines([line('drei')], 20, 'default')}`);
    screen.show(frame('one', '', 'drei'), 20, 'default');
    expect(writes).toHaveLength(2);
    expect(frames).toEqual([3, 2]);
  });

  it('paints whole again after a change of size, after invalidate, and after something was drawn over the frame', () => {
    let images = '';
    const { screen, writes } = writer({ sync: false, after: () => images });
    const full = (bytes: string | undefined) => bytes?.startsWith('\x1b[2J');
    screen.show(frame('a', 'b'), 20, 'default');
    screen.show(frame('a', 'b'), 30, 'default');
    expect(full(writes[1])).toBe(true);
    screen.show(frame('a', 'b', 'c'), 30, 'default');
    expect(full(writes[2])).toBe(true);
    screen.invalidate();
    screen.show(frame('a', 'b', 'c'), 30, 'default');
    expect(full(writes[3])).toBe(true);
    images = '\x1b7IMAGE\x1b8';
    screen.show(frame('a', 'b', 'd'), 30, 'default');
    expect(writes[4]).toMatch(/IMAGE\x1b8$/u);
    expect(full(writes[4])).toBe(false);
    images = '';
    screen.show(frame('a', 'b', 'd'), 30, 'default');
    expect(full(writes[5])).toBe(true);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/index.js';
import { exportHtml } from '../../src/export/index.js';
import { loadDeck } from '../../src/parse/index.js';
import { fixtureDeck, launchChromium, tempDir, theme, writeTemp } from './helpers.js';

const dark = theme('dark');
let browser: Browser;
let dir: { dir: string; remove: () => void };

beforeAll(async () => {
  dir = tempDir('html-type');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  dir?.remove();
});

/** How a laid-out slide sits in its box: overflow, text sizes, and where a jump_to_middle part is. */
interface Measure {
  overflow: boolean;
  bodyPx: number;
  h1Px: number | null;
  h2Px: number | null;
  /** Distance of the centre of what follows jump_to_middle from the content box's middle, in px. */
  middleOffset: number | null;
  /** Top of that part relative to the bottom of what comes before it, in px (never negative). */
  middleGap: number | null;
  /** Height of what comes before jump_to_middle. */
  upperHeight: number;
}

/** Measures the `.slide` elements under `selector`, in page order. */
function measure(page: Page, selector: string): Promise<Measure[]> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll(sel)).map((slide) => {
      const content = slide.querySelector(':scope > .content') as HTMLElement;
      const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : null);
      const lower = content.querySelector(':scope > .lower');
      const upper = content.querySelector(':scope > .upper');
      const box = content.getBoundingClientRect();
      const low = lower?.getBoundingClientRect();
      return {
        overflow: content.scrollHeight > content.clientHeight + 1 || content.scrollWidth > content.clientWidth + 1,
        bodyPx: px(content)!,
        h1Px: px(content.querySelector('h1')),
        h2Px: px(content.querySelector('h2')),
        middleOffset: low ? Math.abs((low.top + low.bottom) / 2 - (box.top + box.bottom) / 2) : null,
        middleGap: low && upper ? low.top - upper.getBoundingClientRect().bottom : null,
        upperHeight: upper ? upper.getBoundingClientRect().height : 0,
      };
    });
  }, selector);
}

/** Each slide of a deck as the present layout shows it, one at a time. */
async function presentMeasures(deck: Deck, name: string): Promise<Measure[]> {
  const path = writeTemp(dir.dir, `${name}.html`, await exportHtml(deck, { theme: dark }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`file://${path}#1`);
  await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
  const out: Measure[] = [];
  for (let i = 1; i <= deck.slides.length; i++) {
    await page.evaluate((n) => {
      location.hash = `#${n}`;
    }, i);
    await page.waitForFunction((n) => document.body.dataset.slide === String(n), i);
    out.push((await measure(page, '.box.current > .slide'))[0]!);
  }
  await page.close();
  return out;
}

const DECKS: [string, () => Deck][] = [
  ['the bundled talk', () => loadDeck('decks/unikernels/talk.md')],
  ['decks/tour.md', () => loadDeck('decks/tour.md')],
  ['features.md', () => fixtureDeck('features.md')],
];

describe.each(DECKS)('HTML typography of %s', (name, deck) => {
  let measures: Measure[];
  beforeAll(async () => {
    measures = await presentMeasures(deck(), name.replace(/\W+/gu, '-'));
  }, 60_000);

  it('fits every slide in its 16:9 box: nothing overflows', () => {
    expect(measures.map((m, i) => (m.overflow ? i + 1 : 0)).filter(Boolean)).toEqual([]);
  });

  it('sets text on the type scale (36 px body; h1 and h2 at 1.95 and 1.56 times), shrunk only on dense slides', () => {
    const full = measures.filter((m) => m.bodyPx === 36);
    expect(full.length).toBeGreaterThan(measures.length / 2);
    for (const m of full) {
      if (m.h1Px !== null) expect(m.h1Px).toBeCloseTo(36 * 1.95, 0);
      if (m.h2Px !== null) expect(m.h2Px).toBeCloseTo(36 * 1.56, 0);
    }
    for (const m of measures) expect(m.bodyPx).toBeGreaterThanOrEqual(7);
  });

  it('centres what follows jump_to_middle on the middle of the slide, below what comes before it', () => {
    const middles = measures.filter((m) => m.middleOffset !== null);
    if (name !== 'decks/tour.md') expect(middles.length).toBeGreaterThan(0);
    for (const m of middles) {
      // Centred, unless what comes before it is so tall that it has to sit right below it.
      if (m.upperHeight === 0 || (m.middleGap ?? 0) > 1) expect(m.middleOffset).toBeLessThan(2);
      if (m.middleGap !== null) expect(m.middleGap).toBeGreaterThanOrEqual(0);
    }
  });
});

it('lays out print pages (PDF) the same way: fitted, and jump_to_middle centred', async () => {
  const deck = loadDeck('decks/unikernels/talk.md');
  const path = writeTemp(dir.dir, 'print.html', await exportHtml(deck, { theme: dark, layout: 'print' }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`file://${path}`);
  await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
  const measures = await measure(page, '.box > .slide');
  expect(measures).toHaveLength(deck.slides.length);
  expect(measures.filter((m) => m.overflow)).toEqual([]);
  const middles = measures.filter((m) => m.middleOffset !== null && (m.upperHeight === 0 || (m.middleGap ?? 0) > 1));
  // Every slide that jumps to the middle (the talk's dividers and its questions), however many the compiler made.
  const jumping = deck.slides.filter((s) => s.blocks.some((b) => b.kind === 'middle')).length;
  expect(jumping).toBeGreaterThanOrEqual(2);
  expect(middles.length).toBe(jumping);
  for (const m of middles) expect(m.middleOffset).toBeLessThan(2);
  await page.close();
}, 60_000);

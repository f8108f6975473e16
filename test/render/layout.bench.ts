import chalk from 'chalk';
import { render } from 'ink';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { bench, describe } from 'vitest';
import type { Slide } from '../../src/deck/index.js';
import { loadDeck } from '../../src/parse/index.js';
import { layoutScreen, layoutSlide } from '../../src/render/index.js';
import { renderFrame, SlideScreen } from '../../src/render/ink.js';
import { loadTheme } from '../../src/theme/index.js';

// Run with `NODE_ENV=production npx vitest bench --run test/render` (React's production build, as
// the bundle uses): measures, asserts nothing.
chalk.level = 3;
const root = new URL('../../', import.meta.url);
const deck = loadDeck(fileURLToPath(new URL('decks/tour.md', root)));
const theme = loadTheme('dark', { themesDir: fileURLToPath(new URL('themes/', root)), cwd: fileURLToPath(root) });
const size = { columns: 80, rows: 23 };
const options = { hyperlinks: true };
const last = (slide: Slide): number => slide.steps - 1;
const screen = (i: number) =>
  createElement(SlideScreen, { deck, position: { slide: i, step: last(deck.slides[i]!) }, theme, columns: 80, rows: 24, elapsedMs: 1000, hyperlinks: true });

/** The presenter's path: one live Ink instance (unthrottled) re-rendered per key, output discarded. */
function liveApp() {
  const stdout = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;
  Object.assign(stdout, { columns: 80, rows: 24, isTTY: true });
  return render(screen(0), { stdout, debug: true, patchConsole: false, exitOnCtrlC: false });
}

describe(`tour deck (${deck.slides.length} slides), 80x24`, () => {
  bench('layoutSlide, every slide, uncached', () => {
    // A shallow copy is a new cache key: this measures layout itself (lowlight tokens stay cached).
    for (const slide of deck.slides) layoutSlide({ ...slide }, last(slide), theme, size, options);
  });
  bench('layoutSlide, every slide, cached', () => {
    for (const slide of deck.slides) layoutSlide(slide, last(slide), theme, size, options);
  });
  bench('layoutScreen (content + footer), every slide', () => {
    deck.slides.forEach((slide, i) => {
      layoutScreen({ deck, position: { slide: i, step: last(slide) }, theme, columns: 80, rows: 24, elapsedMs: 1000, hyperlinks: true });
    });
  });
  const app = liveApp();
  bench('live Ink rerender (key to frame), every slide', () => {
    for (let i = 0; i < deck.slides.length; i++) app.rerender(screen(i));
  });
  bench('renderFrame through Ink, every slide', () => {
    deck.slides.forEach((slide, i) => {
      renderFrame({ deck, position: { slide: i, step: last(slide) }, theme, columns: 80, rows: 24, elapsedMs: 1000, hyperlinks: true });
    });
  });
});

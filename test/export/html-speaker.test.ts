import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHtml } from '../../src/export/index.js';
import { loadDeck } from '../../src/parse/index.js';
import { fixtureDeck, launchChromium, tempDir, theme, writeTemp } from './helpers.js';

const dark = theme('dark');
let browser: Browser;
let dir: { dir: string; remove: () => void };
let talkPath = '';
let featuresPath = '';
const talk = loadDeck('decks/unikernels/talk.md');

beforeAll(async () => {
  dir = tempDir('html-speaker');
  talkPath = writeTemp(dir.dir, 'talk.html', await exportHtml(talk, { theme: dark }));
  featuresPath = writeTemp(dir.dir, 'features.html', await exportHtml(fixtureDeck('features.md'), { theme: dark }));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  dir?.remove();
});

const ready = (page: Page) => page.waitForSelector('body[data-ready="1"]', { state: 'attached', timeout: 20_000 });
const at = (page: Page) => page.evaluate(() => `${document.body.dataset.slide}.${document.body.dataset.step}`);

/** Opens the audience window at `hash` and, with s, the speaker window. */
async function twoWindows(context: BrowserContext, path: string, hash: string): Promise<{ audience: Page; speaker: Page; errors: string[] }> {
  const errors: string[] = [];
  const audience = await context.newPage();
  audience.on('pageerror', (e) => errors.push(`audience: ${e.message}`));
  await audience.goto(`file://${path}${hash}`);
  await ready(audience);
  const [speaker] = await Promise.all([context.waitForEvent('page'), audience.keyboard.press('s')]);
  speaker.on('pageerror', (e) => errors.push(`speaker: ${e.message}`));
  await speaker.setViewportSize({ width: 1280, height: 800 });
  await ready(speaker);
  return { audience, speaker, errors };
}

describe('the HTML speaker view in a second window', () => {
  it('opens with s, and each window follows the other both ways; b blanks the audience from either', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    const { audience, speaker, errors } = await twoWindows(context, featuresPath, '#2');
    expect(new URL(speaker.url()).search).toBe('?view=speaker');
    expect(await speaker.evaluate(() => document.body.dataset.role)).toBe('speaker');
    await expect.poll(() => audience.evaluate(() => document.body.dataset.role)).toBe('audience');
    // The speaker window shows the speaker view; the audience window only the slide.
    expect(await speaker.locator('#speaker').isVisible()).toBe(true);
    expect(await audience.locator('#speaker').isVisible()).toBe(false);
    expect(await audience.locator('#deck > .box.current').isVisible()).toBe(true);
    expect(await at(speaker)).toBe('2.0');

    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => at(audience)).toBe('2.1');
    await speaker.keyboard.press('PageDown');
    await speaker.keyboard.press('PageDown');
    await expect.poll(() => at(audience)).toBe('3.0');
    await audience.keyboard.press('ArrowLeft');
    await expect.poll(() => at(speaker)).toBe('2.2');
    await audience.keyboard.press('End');
    await expect.poll(() => at(speaker)).toBe('6.0');
    expect(await speaker.locator('#sp-next').textContent()).toBe('End of deck');

    await speaker.keyboard.press('b');
    await expect.poll(() => audience.evaluate(() => document.body.classList.contains('blanked'))).toBe(true);
    expect(await audience.locator('#blank').isVisible()).toBe(true);
    // Blank covers the whole audience window; the speaker still sees the slide and is told.
    const box = await audience.locator('#blank').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(await speaker.locator('#sp-current .slide').isVisible()).toBe(true);
    expect(await speaker.locator('#sp-status').textContent()).toContain('blanked');
    await audience.keyboard.press('b');
    await expect.poll(() => speaker.evaluate(() => document.body.classList.contains('blanked'))).toBe(false);
    expect(await audience.locator('#blank').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps in step by postMessage alone where there is no BroadcastChannel, and by the channel alone between windows that did not open each other', async () => {
    const noChannel = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    await noChannel.addInitScript('delete window.BroadcastChannel;');
    const linked = await twoWindows(noChannel, featuresPath, '#1');
    await linked.speaker.keyboard.press('ArrowRight');
    await expect.poll(() => at(linked.audience)).toBe('2.0');
    await linked.audience.keyboard.press('ArrowRight');
    await expect.poll(() => at(linked.speaker)).toBe('2.1');
    expect(linked.errors).toEqual([]);
    await noChannel.close();

    // A speaker view opened by hand (say on a laptop screen) from the same file.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    const audience = await context.newPage();
    await audience.goto(`file://${featuresPath}#3`);
    await ready(audience);
    const speaker = await context.newPage();
    await speaker.goto(`file://${featuresPath}?view=speaker#1`);
    await ready(speaker);
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => at(audience)).toBe('2.0');
    await audience.keyboard.press('End');
    await expect.poll(() => at(speaker)).toBe('6.0');
    await context.close();
  });

  it('leaves the audience window working when the speaker window closes, and the speaker window when the audience closes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    const first = await twoWindows(context, featuresPath, '#3');
    await first.speaker.close();
    await first.audience.keyboard.press('ArrowRight');
    expect(await at(first.audience)).toBe('4.0');
    await expect.poll(() => first.audience.evaluate(() => document.body.dataset.role ?? 'main'), { timeout: 5000 }).toBe('main');

    // s opens a new speaker window, which starts where the audience is.
    const [again] = await Promise.all([context.waitForEvent('page'), first.audience.keyboard.press('s')]);
    await ready(again);
    expect(await at(again)).toBe('4.0');
    await first.audience.close();
    await again.keyboard.press('ArrowRight');
    expect(await at(again)).toBe('5.0');
    expect(await again.locator('#sp-current .slide h1').textContent()).toBe('Columns and Alerts');
    await expect.poll(() => again.locator('#sp-status').textContent(), { timeout: 5000 }).toContain('No audience window');
    expect(first.errors).toEqual([]);
    await context.close();
  });

  it('keeps the next-slide preview at least a third of the window on every slide of the bundled talk, with the notes scrolling on their own', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    const { speaker, errors } = await twoWindows(context, talkPath, '#1');
    const heights: number[] = [];
    let scrolled = 0;
    // A landscape window, then a portrait one (a laptop screen turned, or a window at the side).
    for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 1000 }])
    for (let i = 1; i <= talk.slides.length; i++) {
      if (i === 1) await speaker.setViewportSize(size);
      await speaker.evaluate((n) => {
        location.hash = `#${n}`;
      }, i);
      await expect.poll(() => speaker.evaluate(() => document.body.dataset.slide)).toBe(String(i));
      const m = await speaker.evaluate(() => {
        const next = document.querySelector('#sp-next')!.getBoundingClientRect();
        const preview = document.querySelector('#sp-next > *')!.getBoundingClientRect();
        const notes = document.querySelector('#sp-notes')!;
        const rect = notes.getBoundingClientRect();
        return {
          frame: next.height,
          preview: preview.height,
          notesBottom: rect.bottom,
          notesScroll: notes.scrollHeight > notes.clientHeight + 1,
          overflowY: getComputedStyle(notes).overflowY,
          viewport: innerHeight,
        };
      });
      heights.push(Math.min(m.frame, m.preview));
      expect(Math.min(m.frame, m.preview), `slide ${i}`).toBeGreaterThanOrEqual(m.viewport / 3);
      // Long notes scroll inside their own box instead of pushing the previews away.
      expect(m.notesBottom, `slide ${i}`).toBeLessThanOrEqual(m.viewport);
      expect(m.overflowY).toBe('auto');
      if (m.notesScroll) scrolled++;
    }
    // The compiled talk's notes are long: most slides need their notes box to scroll.
    expect(scrolled).toBeGreaterThan(talk.slides.length);
    expect(Math.min(...heights)).toBeGreaterThan(240);
    // The notes scroll with the wheel without moving anything else.
    await speaker.evaluate(() => {
      location.hash = '#7';
    });
    await expect.poll(() => speaker.evaluate(() => document.body.dataset.slide)).toBe('7');
    const before = await speaker.locator('#sp-next').boundingBox();
    await speaker.locator('#sp-notes').hover();
    await speaker.mouse.wheel(0, 400);
    await expect.poll(() => speaker.evaluate(() => document.querySelector('#sp-notes')!.scrollTop)).toBeGreaterThan(0);
    expect(await speaker.locator('#sp-next').boundingBox()).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('has a timer that pauses, resumes and resets, and shows the time of day', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    // A stopped clock that moves only when told: the speaker window opens at 09:41:01.
    await context.clock.install({ time: new Date(2026, 0, 2, 9, 41, 0) });
    await context.clock.pauseAt(new Date(2026, 0, 2, 9, 41, 1));
    const { speaker } = await twoWindows(context, featuresPath, '#1');
    const timer = () => speaker.locator('#sp-timer').textContent();
    await context.clock.runFor(5_000);
    expect(await timer()).toBe('00:05 / 10:00');
    expect(await speaker.locator('#sp-clock').textContent()).toBe('09:41');
    await speaker.keyboard.press('t');
    expect(await speaker.locator('#sp-pause').textContent()).toBe('Resume');
    await context.clock.runFor(7_000);
    expect(await timer()).toBe('00:05 / 10:00');
    await speaker.locator('#sp-pause').click();
    await context.clock.runFor(2_000);
    expect(await timer()).toBe('00:07 / 10:00');
    await speaker.keyboard.press('r');
    expect(await timer()).toBe('00:00 / 10:00');
    await context.clock.runFor(61_000);
    expect(await timer()).toBe('01:01 / 10:00');
    expect(await speaker.locator('#sp-clock').textContent()).toBe('09:42');
    await context.close();
  });

  it('closes every overlay with Esc: help, overview, the speaker view in this window', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    const page = await context.newPage();
    await page.goto(`file://${featuresPath}#2`);
    await ready(page);
    await page.keyboard.press('?');
    expect(await page.locator('#help').isVisible()).toBe(true);
    const help = await page.locator('#help').textContent();
    for (const key of ['s', 'b', 't', 'r', 'o', 'Esc']) expect(help).toContain(key);
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);
    await page.keyboard.press('o');
    expect(await page.evaluate(() => document.body.classList.contains('overview'))).toBe(true);
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.body.classList.contains('overview'))).toBe(false);
    expect(await at(page)).toBe('2.0');
    await context.close();
  });
});

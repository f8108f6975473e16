import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHtml } from '../../src/export/index.js';
import { hostileDeck } from '../fixtures/export/hostile-deck.js';
import { fixtureDeck, launchChromium, openHtml, pixelStats, tempDir, theme, writeTemp } from './helpers.js';

const features = fixtureDeck('features.md');
const dark = theme('dark');

/** The attributes of every start tag in a document, as [tag, attribute name, value]. */
function attributes(html: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gu)) {
    for (const attr of tag[2]!.matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/gu)) out.push([tag[1]!.toLowerCase(), attr[1]!.toLowerCase(), attr[2] ?? '']);
  }
  return out;
}

describe('exportHtml (static checks)', () => {
  it('is one self-contained file: inline style and script, no external resources', async () => {
    const html = await exportHtml(features, { theme: dark });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script\b/gu)).toHaveLength(1);
    expect(html.match(/<style\b/gu)).toHaveLength(1);
    expect(html).not.toMatch(/<link\b/u);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/u);
    // The local image is embedded, not referenced.
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).not.toContain('src="img/dot.png"');
  });

  it('has a strict Content-Security-Policy whose hashes match its one script and style', async () => {
    const html = await exportHtml(features, { theme: dark });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1]!.replace(/&#39;/gu, "'");
    expect(csp).toBeDefined();
    const script = /<script>([\s\S]*)<\/script>/u.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*)<\/style>/u.exec(html)?.[1] ?? '';
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it("uses the theme's colours", async () => {
    const darkHtml = await exportHtml(features, { theme: dark });
    const lightHtml = await exportHtml(features, { theme: theme('light') });
    expect(darkHtml).toContain(`background:${dark.background}`);
    expect(darkHtml).toContain(`color:${dark.headings.h1.fg}`);
    expect(lightHtml).toContain('background:#fbfbfd');
    expect(lightHtml).not.toContain('background:#1e1e2e');
  });

  it('marks reveal steps and carries notes and citations for the speaker view', async () => {
    const html = await exportHtml(features, { theme: dark });
    const box = /<div class="box" data-index="2" data-steps="3">[\s\S]*?<div class="box" data-index="3"/u.exec(html)?.[0] ?? '';
    expect(box.match(/<li data-step="1">/gu)).toHaveLength(1);
    expect(box.match(/<li data-step="2">/gu)).toHaveLength(1);
    expect(box.match(/<li><span class="mk"/gu)).toHaveLength(1);
    expect(box).toContain('<aside class="notes"><p class="b al-left">Reveal the points one by one.</p></aside>');
    expect(box).toContain('<cite>sources/article.md:3–4</cite> <q>The first line of the passage and its second line.</q>');
  });

  it('turns hostile text into inert text: no event handlers, no script URLs, one script element', async () => {
    const html = await exportHtml(hostileDeck, { theme: dark });
    expect(html.match(/<script\b/giu)).toHaveLength(1);
    expect(html.match(/<style\b/giu)).toHaveLength(1);
    expect(html).not.toMatch(/<(img|svg|iframe|object|embed)\b[^>]*\son/iu);
    expect(html).not.toMatch(/<(svg|iframe|object|embed|textarea|template)\b/iu);
    for (const [tag, name, value] of attributes(html)) {
      expect(name, `<${tag} ${name}>`).not.toMatch(/^on/u);
      if (name === 'href' || name === 'src') expect(value, `<${tag} ${name}="${value}">`).toMatch(/^(https?:|mailto:|data:image\/png;base64,|#)/u);
    }
    // The payloads are still there, as text.
    expect(html).toContain('&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;');
    expect(html).toContain('js link');
  });

  it('drops colours a theme cannot hold, so CSS cannot be broken out of', async () => {
    const evil = { ...dark, background: 'red;}</style><script>window.__pwned=1</script>', text: { fg: 'x;background:url(javascript:alert(1))' } };
    const html = await exportHtml(features, { theme: evil });
    expect(html.match(/<script\b/gu)).toHaveLength(1);
    expect(html).not.toContain('javascript:');
  });

  it('lays out one page per step when printing steps, later steps hidden', async () => {
    const html = await exportHtml(features, { theme: dark, layout: 'print', steps: true });
    const total = features.slides.reduce((n, s) => n + s.steps, 0);
    expect(html.match(/<div class="box" /gu)).toHaveLength(total);
    // Step 0 hides the second and third items, step 1 the third, step 2 none.
    expect(html.match(/<li class="future"/gu)?.length).toBe(3);
  });
});

describe('exportHtml in Chromium', () => {
  let browser: Browser;
  let dir: { dir: string; remove: () => void };
  let featuresPath: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = tempDir('html');
    featuresPath = writeTemp(dir.dir, 'features.html', await exportHtml(features, { theme: dark }));
  });
  afterAll(async () => {
    await browser?.close();
    dir?.remove();
  });

  it('shows one slide at a time and has every slide', async () => {
    const { page, errors } = await openHtml(browser, featuresPath);
    expect(await page.locator('#deck > .box').count()).toBe(features.slides.length);
    expect(await page.locator('#deck > .box:visible').count()).toBe(1);
    expect(await page.getAttribute('body', 'data-slide')).toBe('1');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('navigates with the keyboard and reveals steps', async () => {
    const { page } = await openHtml(browser, featuresPath);
    const at = async () => [await page.getAttribute('body', 'data-slide'), await page.getAttribute('body', 'data-step')];
    const item = (n: number) => page.locator('.box.current li').nth(n);
    await page.keyboard.press('ArrowRight');
    expect(await at()).toEqual(['2', '0']);
    expect(await item(0).isVisible()).toBe(true);
    expect(await item(1).isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    expect(await at()).toEqual(['2', '1']);
    expect(await item(1).isVisible()).toBe(true);
    expect(await item(2).isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await at()).toEqual(['2', '2']);
    expect(await item(2).isVisible()).toBe(true);
    await page.keyboard.press('PageDown');
    expect(await at()).toEqual(['3', '0']);
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toEqual(['2', '2']);
    await page.keyboard.press('PageUp');
    expect(await at()).toEqual(['2', '1']);
    await page.keyboard.press('End');
    expect(await at()).toEqual([String(features.slides.length), '0']);
    await page.keyboard.press('ArrowRight');
    expect(await at()).toEqual([String(features.slides.length), '0']);
    await page.keyboard.press('Home');
    expect(await at()).toEqual(['1', '0']);
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toEqual(['1', '0']);
    expect(page.url()).toMatch(/#1$/u);
    await page.context().close();
  });

  it('opens at the slide named in the URL', async () => {
    const { page } = await openHtml(browser, featuresPath, '#4');
    expect(await page.getAttribute('body', 'data-slide')).toBe('4');
    expect(await page.locator('.box.current h1').textContent()).toBe('中文标题：内核');
    await page.context().close();
  });

  it('shows an overview of every slide with o, and goes to the chosen one', async () => {
    const { page } = await openHtml(browser, featuresPath);
    await page.keyboard.press('o');
    expect(await page.locator('body.overview').count()).toBe(1);
    expect(await page.locator('#deck > .box:visible').count()).toBe(features.slides.length);
    // Every step is shown in the overview.
    expect(await page.locator('#deck > .box').nth(1).locator('li').nth(2).isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('body', 'data-selected')).toBe('3');
    await page.keyboard.press('Enter');
    expect(await page.locator('body.overview').count()).toBe(0);
    expect(await page.getAttribute('body', 'data-slide')).toBe('3');
    expect(await page.locator('#deck > .box:visible').count()).toBe(1);
    await page.context().close();
  });

  it('shows the speaker view in this window when no second window may be opened: notes, citations, timer, next slide; Esc leaves it', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, offline: true });
    // A browser that refuses pop-ups.
    await context.addInitScript('window.open = () => null;');
    const page = await context.newPage();
    await page.goto(`file://${featuresPath}#2`);
    await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
    expect(await page.locator('#speaker').isVisible()).toBe(false);
    await page.keyboard.press('s');
    expect(await page.locator('#speaker').isVisible()).toBe(true);
    expect(await page.locator('#sp-notes').textContent()).toContain('Reveal the points one by one.');
    const sources = await page.locator('#sp-sources').textContent();
    expect(sources).toContain('sources/article.md:3–4');
    expect(sources).toContain('The first line of the passage and its second line.');
    // Next is what the audience sees next: the slide's next reveal step.
    expect(await page.locator('#sp-next .slide h1').textContent()).toBe('Reveal Steps');
    expect(await page.locator('#sp-current .slide h1').textContent()).toBe('Reveal Steps');
    const first = await page.locator('#sp-timer').textContent();
    expect(first).toMatch(/^\d\d:\d\d \/ 10:00$/u);
    await expect.poll(() => page.locator('#sp-timer').textContent(), { timeout: 5000 }).not.toBe(first);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#sp-pos').textContent()).toBe('Slide 2 / 6, step 2 / 3');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#sp-next .slide h1').textContent()).toBe('Code and Table');
    for (let i = 0; i < 2; i++) await page.keyboard.press('PageDown');
    expect(await page.locator('#sp-pos').textContent()).toBe('Slide 4 / 6');
    expect(await page.locator('#sp-notes').textContent()).toContain('中文备注');
    expect(await page.locator('#sp-sources').textContent()).toContain('sources/article.md:6');
    await page.keyboard.press('Escape');
    expect(await page.locator('#speaker').isVisible()).toBe(false);
    expect(await page.locator('#deck > .box.current').isVisible()).toBe(true);
    await context.close();
  });

  it('draws slides with real pixels, Chinese included', async () => {
    const { page } = await openHtml(browser, featuresPath);
    const title = pixelStats(await page.screenshot());
    expect(title.colors).toBeGreaterThan(20);
    expect(title.nonBackground).toBeGreaterThan(0.01);
    await page.keyboard.press('End');
    await page.goto(`file://${featuresPath}#4`);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
    const box = await page.locator('.box.current h1').boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    const chinese = pixelStats(await page.locator('.box.current h1').screenshot());
    expect(chinese.colors).toBeGreaterThan(10);
    expect(chinese.nonBackground).toBeGreaterThan(0.05);
    await page.context().close();
  });

  it('runs no script from a hostile deck, through the parser or hand-built', async () => {
    const decks = [hostileDeck, fixtureDeck('hostile.md')];
    for (const [i, deck] of decks.entries()) {
      const path = writeTemp(dir.dir, `hostile-${i}.html`, await exportHtml(deck, { theme: dark }));
      const { page, dialogs, errors, console: messages } = await openHtml(browser, path);
      // Visit every slide and step, the overview and the speaker view (which copies notes and citations).
      await page.keyboard.press('s');
      for (let n = 0; n < 8; n++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('o');
      await page.keyboard.press('Enter');
      for (const link of await page.locator('a, .link-blocked, img').all()) await link.hover({ force: true, timeout: 2000 }).catch(() => undefined);
      // Links that survive are http(s) or mailto; anything else would be clicked here (and report a CSP refusal).
      for (const link of await page.locator('a:not([href^="https:"]):not([href^="http:"]):not([href^="mailto:"])').all()) {
        await link.click({ force: true, timeout: 2000 }).catch(() => undefined);
      }
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      // Nothing was even attempted: the CSP reports no blocked script or style.
      expect(messages.filter((m) => /Content Security Policy|Refused/u.test(m))).toEqual([]);
      expect(await page.locator('script').count()).toBe(1);
      await page.context().close();
    }
  });

  it('blocks injected script through its Content-Security-Policy too (defence in depth)', async () => {
    const html = (await exportHtml(features, { theme: dark })).replace('<main class="deck" id="deck">', '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"><main class="deck" id="deck">');
    const path = writeTemp(dir.dir, 'injected.html', html);
    const { page, console: messages } = await openHtml(browser, path);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(messages.some((m) => /Content Security Policy/u.test(m))).toBe(true);
    // The page's own script still ran.
    expect(await page.getAttribute('body', 'data-slide')).toBe('1');
    await page.context().close();
  });

  it('shrinks text that would overflow a slide to fit its 16:9 box', async () => {
    const long = fixtureDeck('features.md');
    const slide = long.slides[1]!;
    const item = slide.blocks[1]!;
    if (item.kind !== 'list') throw new Error('fixture changed: slide 2 should hold a list');
    const many = Array.from({ length: 40 }, (_, i) => ({ ...item.items[0]!, step: 0, blocks: [{ ...item.items[0]!.blocks[0]!, line: i }] }));
    long.slides[1] = { ...slide, steps: 1, blocks: [slide.blocks[0]!, { ...item, items: many }] };
    const path = writeTemp(dir.dir, 'long.html', await exportHtml(long, { theme: dark }));
    const { page } = await openHtml(browser, path, '#2');
    const fits = await page.evaluate(
      "(() => { const c = document.querySelector('.box.current .content'); return [c.scrollHeight <= c.clientHeight + 1, parseFloat(getComputedStyle(c).fontSize)]; })()",
    );
    expect(fits).toEqual([true, expect.any(Number)]);
    expect((fits as [boolean, number])[1]).toBeLessThan(20);
    await page.context().close();
  });
});

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportHtml } from '../../src/export/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { startAudienceServer, type AudienceServer } from '../../src/serve/index.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/export/index.js';
import { CHROMIUM, theme as builtinTheme } from '../export/helpers.js';

const DIR = 'test/fixtures/compile/coverage';
const deck = parseDeck(readFileSync(join(DIR, 'talk.md'), 'utf8'), { file: join(DIR, 'talk.md') });
const readSource = (path: string) => {
  // What the deck's confined reader does: only the deck's own cited file.
  if (path !== 'article.md') throw new Error(`${path}: outside the deck's folder`);
  return readFileSync(join(DIR, path), 'utf8');
};

let open: AudienceServer;
let closed: AudienceServer;
const moves: string[] = [];

beforeAll(async () => {
  const html = await exportHtml(deck, { theme: builtinTheme('dark'), embedImages: false });
  open = await startAudienceServer({ deck, html, readSource, host: '127.0.0.1', port: 0, audienceToken: null, remoteToken: 'remote-secret' });
  closed = await startAudienceServer({ deck, html, readSource, host: '127.0.0.1', port: 0, audienceToken: 'audience-secret', control: (c) => moves.push(c) });
});
afterAll(async () => {
  await open.close();
  await closed.close();
});

/** A raw request: the path is sent as written, not normalised by a URL parser. */
function raw(server: AudienceServer, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the audience server', () => {
  test('serves the export page following the presenter, with a link to the slide\'s sources', async () => {
    const page = await raw(open, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Anemones close up');
    expect(page.body).toContain('id="serve-sources"');
    // The page may open its event stream (and nothing else): the export's policy with connect-src 'self'.
    expect(page.body).toContain('connect-src &#39;self&#39;');
  });

  test('the sources of a slide: the cited lines marked, in context, from the confined reader', async () => {
    const page = await raw(open, '/sources/2');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<tr class="cited"><td class="n">12</td><td>Waves can knock visitors off slippery rocks.</td></tr>');
    expect(page.body).toContain('<td class="n">9</td>');
    expect((await raw(open, '/sources/9')).body).toContain('No such slide');
  });

  test('path traversal gets nothing: no path from a request reaches the filesystem', async () => {
    for (const path of ['/../../../etc/passwd', '/sources/../../../etc/passwd', '/sources/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/article.md', '/sources/article.md', '/sources/1/../../talk.md', '//etc/passwd']) {
      const response = await raw(open, path);
      expect(response.status, path).not.toBe(200);
      expect(response.body, path).not.toMatch(/root:|Anemones close their/u);
    }
  });

  test('the remote wants its token; a wrong one is refused; the right one moves the audience view', async () => {
    expect((await raw(open, '/remote')).status).toBe(403);
    expect((await raw(open, '/remote?t=remote-secreT')).status).toBe(403);
    expect((await raw(open, '/remote/next?t=wrong', 'POST')).status).toBe(403);
    const page = await raw(open, '/remote?t=remote-secret');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-command="next"');
    expect(JSON.parse((await raw(open, '/remote/next?t=remote-secret', 'POST')).body)).toMatchObject({ slide: 1 });
    expect(JSON.parse((await raw(open, '/remote/blank?t=remote-secret', 'POST')).body)).toMatchObject({ blanked: true });
    await raw(open, '/remote/blank?t=remote-secret', 'POST');
    await raw(open, '/remote/first?t=remote-secret', 'POST');
    expect(open.status()).toMatchObject({ slide: 0, blanked: false });
  });

  test('--audience-token: without it or with a wrong one, nothing of the talk is served', async () => {
    for (const path of ['/', '/state', '/events', '/sources/1', '/?t=wrong']) {
      const response = await raw(closed, path);
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain('Anemones');
    }
    expect((await raw(closed, '/?t=audience-secret')).status).toBe(200);
    expect((await raw(closed, '/sources/1?t=audience-secret')).body).toContain('Anemones close their tentacles');
  });

  test('with a presenter to drive, the remote moves the presenter, not the view', async () => {
    await raw(closed, `/remote/next?t=${closed.remoteToken}`, 'POST');
    await raw(closed, `/remote/previous?t=${closed.remoteToken}`, 'POST');
    expect(moves).toEqual(['next', 'previous']);
    expect(closed.status().slide).toBe(0);
  });

  test('requests beyond the rate are refused with 429', async () => {
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 120 }, () => raw(closed, '/state?t=nope').then((r) => r.status)));
    expect(statuses).toContain(429);
    // A burst of 60, then 20 a second.
    expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(60 + Math.ceil(((Date.now() - started) / 1000) * 20));
  });

  test('a real browser: the audience page follows the presenter over the event stream', async () => {
    // The export's arguments, less the rule that resolves no host name: this page talks to its server.
    const args = CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(open.url);
      await page.waitForSelector('body[data-followed="1.0"]');
      open.update({ slide: 1, step: 0, elapsedMs: 1000 });
      await page.waitForSelector('body[data-slide="2"]');
      expect(await page.getAttribute('#serve-sources', 'href')).toBe('sources/2');
      await page.click('#serve-sources');
      await page.waitForSelector('tr.cited');
      expect(await page.textContent('tr.cited')).toContain('Waves can knock visitors');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, exportPdf, PdfPrinter } from '../../src/export/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { pdfPages, pdfText, tempDir, theme, writeTemp } from './helpers.js';

/**
 * PDF export runs Chromium offline: the page is the deck's own HTML with its images embedded, and
 * nothing else may load. A listener on a loopback port stands in for the network: a deck that names
 * it (an image, a link) must not make Chromium reach it.
 */

const PDF_TIMEOUT = 180_000;
let server: Server;
let port = 0;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('PDF export offline', () => {
  it('makes no request to a listener the deck names, and prints its images as their descriptions', async () => {
    const base = `http://127.0.0.1:${port}`;
    const deck = parseDeck(
      [
        '# Remote image',
        '',
        `![a picture on the network](${base}/image.png)`,
        '',
        '---',
        '',
        '# Link and table',
        '',
        `A [link](${base}/link) and ![inline](${base}/inline.png?x=1) in text.`,
        '',
        `| a | b |`,
        `|---|---|`,
        `| ![cell](${base}/cell.gif) | two |`,
        '',
        '<!-- notes: see the diagram at the address above -->',
        `![note image](${base}/notes.webp)`,
      ].join('\n'),
      { file: 'offline.md' },
    );
    const dir = tempDir('pdf-offline');
    try {
      const pdf = writeTemp(dir.dir, 'offline.pdf', await exportPdf(deck, { theme: theme('dark') }));
      expect(pdfPages(pdf)).toBe(2);
      expect(pdfText(pdf)).toContain('Link and table');
      // What the page could not load is printed as its description, not as a broken picture.
      expect(pdfText(pdf, 1)).toContain('[image: a picture on the network]');
      expect(pdfText(pdf, 2)).toContain('[image: cell]');
    } finally {
      dir.remove();
    }
    expect(requests).toEqual([]);
  }, PDF_TIMEOUT);

  // Three things keep the printed page offline: Chromium's host resolver maps every host to
  // nothing (a flag), and the page's own requests are held and failed (the Fetch domain) on a page
  // whose network is emulated as offline. The export above passes on the flag alone. Here the flag
  // is dropped, and the page asks for the listener every way a page can: the page's own blocking
  // must refuse each request (without it, every one of them reaches the listener).
  it('refuses every request of a page it prints, without the host-resolver flag: images, styles, scripts, frames, fetch, fonts', async () => {
    const base = `http://127.0.0.1:${port}`;
    const html = [
      '<!doctype html><html><head>',
      `<link rel="stylesheet" href="${base}/style.css">`,
      `<style>@font-face { font-family: Remote; src: url(${base}/font.woff2); } body { font-family: Remote; background: url(${base}/background.png); }</style>`,
      `<script src="${base}/script.js"></script>`,
      `<script>fetch('${base}/fetch').catch(() => {}); navigator.sendBeacon('${base}/beacon', 'x'); new Image().src = '${base}/image-object.png';</script>`,
      // The printer waits for the body's data-ready, which a deck's page sets once laid out.
      '</head><body data-ready="1">',
      `<h1>Remote things</h1><img src="${base}/image.png" alt="an image"><iframe src="${base}/frame.html"></iframe>`,
      `<video poster="${base}/poster.jpg"></video><object data="${base}/object.svg"></object>`,
      '</body></html>',
    ].join('\n');
    const rule = CHROMIUM_ARGS.findIndex((arg) => arg.startsWith('--host-resolver-rules='));
    expect(rule).toBeGreaterThanOrEqual(0);
    const [dropped] = CHROMIUM_ARGS.splice(rule, 1);
    let printer: PdfPrinter;
    try {
      printer = new PdfPrinter();
    } finally {
      CHROMIUM_ARGS.splice(rule, 0, dropped!);
    }
    try {
      const dir = tempDir('pdf-offline-page');
      try {
        const pdf = writeTemp(dir.dir, 'page.pdf', await printer.print(html));
        expect(pdfText(pdf)).toContain('Remote things');
      } finally {
        dir.remove();
      }
    } finally {
      await printer.close();
    }
    expect(requests).toEqual([]);
  }, PDF_TIMEOUT);
});

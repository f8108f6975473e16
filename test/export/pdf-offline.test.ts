import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../src/export/index.js';
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
});

import { accessSync, constants } from 'node:fs';
import type { Deck } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { ExportError } from './export-error.js';
import { exportHtml } from './html.js';
import type { EmbedImagesOptions } from './images.js';

export interface PdfOptions {
  theme: Theme;
  /** An A4 portrait page per slide: the slide, its notes and its citations. */
  handout?: boolean;
  /** One page per reveal step instead of one per slide. */
  steps?: boolean;
  /** The Chromium (or Chrome) binary; default /usr/bin/chromium. */
  chromiumPath?: string;
  /** How images are read and who hears of one left out (see HtmlOptions). */
  images?: EmbedImagesOptions;
  /** Gives up on the browser after this long (default 120 s). */
  timeoutMs?: number;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, offline, throw-away headless browser (playwright adds a fresh profile dir): no
 * background networking, component or extension updates, pings, metrics or safe-browsing checks,
 * and no host name resolves, so not even a DNS query leaves.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=NetworkPrediction,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication',
  '--no-pings',
  '--metrics-recording-only',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** The only URLs the printed page may load: its own embedded data. */
function isOwn(url: string): boolean {
  return url.startsWith('data:') || url === 'about:blank';
}

/** Shows an image the page could not have (from the network) as its description, as HTML export shows a missing file. */
const REMOTE_IMAGES_AS_TEXT = `(() => {
  for (const img of Array.from(document.images)) {
    if (img.src.startsWith('data:')) continue;
    const span = document.createElement('span');
    span.className = 'img-missing';
    span.textContent = '[image: ' + (img.alt || img.getAttribute('src') || '') + ']';
    img.replaceWith(span);
  }
})()`;

const INSTALL_HINT =
  'Install it with `apt-get install chromium` (Debian/Ubuntu; plus `fonts-noto-cjk` for Chinese, Japanese and Korean), or set TALKDECK_CHROMIUM to the path of a Chrome or Chromium binary.';

function checkExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ExportError(`PDF export needs Chromium, but none was found at ${path}. ${INSTALL_HINT}`);
  }
}

/**
 * Prints the deck's HTML export with headless Chromium: one 16:9 page per slide (or per reveal
 * step), or an A4 handout page per slide. Text stays selectable, headings make the document
 * outline, and printing waits for fonts and images so no page comes out blank. Chromium runs
 * offline: the deck's own files, embedded in the page, are all it may load; an image on the network
 * is printed as its description.
 */
export async function exportPdf(deck: Deck, options: PdfOptions): Promise<Uint8Array> {
  const executablePath = options.chromiumPath ?? DEFAULT_CHROMIUM;
  checkExecutable(executablePath);
  const timeout = options.timeoutMs ?? 120_000;
  const html = await exportHtml(deck, {
    theme: options.theme,
    layout: options.handout ? 'handout' : 'print',
    steps: options.steps === true && !options.handout,
    images: options.images,
  });

  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ExportError(`Could not start Chromium at ${executablePath} (${reason}). ${INSTALL_HINT}`, { cause: error });
  }
  try {
    // Offline, and every request that is not the page's own data refused before it leaves.
    const context = await browser.newContext({ javaScriptEnabled: true, offline: true, serviceWorkers: 'block' });
    await context.route('**/*', (route) => (isOwn(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(REMOTE_IMAGES_AS_TEXT);
    // The page's script sets data-ready once fonts and images are loaded and every slide fits.
    await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
    await page.evaluate('document.fonts.ready.then(() => document.fonts.size)');
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (error) {
    if (error instanceof ExportError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ExportError(`Chromium could not print the deck to PDF: ${reason}; check that \`chromium --headless --print-to-pdf about:blank\` works here, or export html and print that`, { cause: error });
  } finally {
    await browser.close().catch(() => undefined);
  }
}

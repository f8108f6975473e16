import { accessSync, constants } from 'node:fs';
import { Chromium } from './chromium.js';
import { ExportError } from './export-error.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, offline, throw-away headless browser (a fresh profile folder is added): no
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

/** What a headless page gets besides: no scrollbars taking width from the layout, no sound, a fine pointer that hovers. */
const PAGE_ARGS = ['--hide-scrollbars', '--mute-audio', '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4'];

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

function missingExecutable(path: string): ExportError | null {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return new ExportError(`PDF export needs Chromium, but none was found at ${path}. ${INSTALL_HINT}`);
  }
}

/** The page's size before printing, as the browser this export used before had it: the slides are fitted in it. */
const VIEWPORT = { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false, screenWidth: 1280, screenHeight: 720, screenOrientation: { angle: 0, type: 'landscapePrimary' } };

/** The generic font families, named as on Linux Chrome (the deck's font stacks end in them). */
const FONT_FAMILIES = {
  fontFamilies: { standard: 'Times New Roman', fixed: 'Monospace', serif: 'Times New Roman', sansSerif: 'Arial', cursive: 'Comic Sans MS', fantasy: 'Impact' },
};

/**
 * Waits for the written page's load, prints a remote image as its description, then waits for the
 * page's script to set data-ready (fonts and images loaded, every slide fitted) and for the fonts.
 */
const WAIT_READY = `(async () => {
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  ${REMOTE_IMAGES_AS_TEXT};
  const ready = () => document.body !== null && document.body.getAttribute('data-ready') === '1';
  if (!ready()) {
    await new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (ready()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.documentElement, { attributes: true, subtree: true, childList: true });
      if (ready()) {
        observer.disconnect();
        resolve();
      }
    });
  }
  await document.fonts.ready;
  return document.fonts.size;
})()`;

/** One 16:9 page or A4 page per box, as the page's CSS sizes it, edge to edge, backgrounds drawn, tagged, with an outline. */
const PRINT = {
  transferMode: 'ReturnAsStream',
  landscape: false,
  displayHeaderFooter: false,
  headerTemplate: '',
  footerTemplate: '',
  printBackground: true,
  scale: 1,
  paperWidth: 8.5,
  paperHeight: 11,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  pageRanges: '',
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/**
 * A page, in a browser context of its own, offline: every request that is not the page's own
 * embedded data is refused before it leaves (the Fetch domain holds each one and fails it).
 */
async function openPage(browser: Chromium): Promise<{ session: string; frame: string }> {
  const { browserContextId } = await browser.send('Target.createBrowserContext', { disposeOnDetach: true });
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const session = String(sessionId);
  browser.on((method, params, from) => {
    if (method !== 'Fetch.requestPaused' || from !== session) return;
    const requestId = params['requestId'];
    const url = String((params['request'] as { url?: unknown } | undefined)?.url ?? '');
    if (isOwn(url)) browser.send('Fetch.continueRequest', { requestId }, session).catch(() => undefined);
    else browser.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, session).catch(() => undefined);
  });
  const [, , , , , tree] = await Promise.all([
    browser.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, session),
    browser.send('Network.enable', {}, session),
    browser.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }, session),
    browser.send('Emulation.setDeviceMetricsOverride', VIEWPORT, session),
    browser.send('Page.setFontFamilies', FONT_FAMILIES, session),
    browser.send('Page.getFrameTree', {}, session),
  ]);
  const frame = String((tree['frameTree'] as { frame: { id: string } }).frame.id);
  return { session, frame };
}

/** The PDF Chromium wrote into a stream, read in chunks. */
async function readStream(browser: Chromium, handle: string, session: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for (;;) {
    const { data, base64Encoded, eof } = await browser.send('IO.read', { handle, size: 4 << 20 }, session);
    chunks.push(Buffer.from(String(data ?? ''), base64Encoded === true ? 'base64' : 'utf8'));
    if (eof === true) break;
  }
  await browser.send('IO.close', { handle }, session).catch(() => undefined);
  const pdf = Buffer.concat(chunks);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** The page a printer has opened, once Chromium is up. */
interface OpenPage {
  session: string;
  frame: string;
}

export interface PrinterOptions {
  /** The Chromium (or Chrome) binary; default /usr/bin/chromium. */
  chromiumPath?: string;
  /** Gives up on the browser after this long (default 120 s). */
  timeoutMs?: number;
}

/**
 * A headless Chromium with one offline page open, started before the deck's HTML is made (even
 * before the deck is read) so that its start, about a second, overlaps that work. It prints one
 * HTML page to PDF, then ends. A missing Chromium is not an error until print() is called, so a
 * deck's own errors are told first, as without the early start.
 */
export class PdfPrinter {
  readonly executablePath: string;
  readonly #browser: Chromium | null;
  readonly #page: Promise<OpenPage> | null;
  readonly #missing: ExportError | null;

  constructor(options: PrinterOptions = {}) {
    this.executablePath = options.chromiumPath ?? DEFAULT_CHROMIUM;
    this.#missing = missingExecutable(this.executablePath);
    if (this.#missing) {
      this.#browser = null;
      this.#page = null;
      return;
    }
    this.#browser = Chromium.launch({ executablePath: this.executablePath, args: [...CHROMIUM_ARGS, ...PAGE_ARGS], timeoutMs: options.timeoutMs ?? 120_000 });
    this.#page = openPage(this.#browser);
    // Awaited in print(); a printer closed unused (the deck had errors) fails it, and that is no news.
    this.#page.catch(() => undefined);
  }

  /** Throws the ExportError for a missing Chromium, if it is missing. */
  check(): void {
    if (this.#missing) throw this.#missing;
  }

  /** Prints the page, waiting for its load, its script's data-ready and its fonts; then closes the browser. */
  async print(html: string): Promise<Uint8Array> {
    this.check();
    const browser = this.#browser!;
    try {
      let page: OpenPage;
      try {
        page = await this.#page!;
      } catch (error) {
        throw new ExportError(`Could not start Chromium at ${this.executablePath} (${firstLine(error)}). ${INSTALL_HINT}`, { cause: error });
      }
      try {
        await browser.send('Page.setDocumentContent', { frameId: page.frame, html }, page.session);
        const waited = await browser.send('Runtime.evaluate', { expression: WAIT_READY, awaitPromise: true, returnByValue: true }, page.session);
        if (waited['exceptionDetails']) throw new Error(`the page did not get ready: ${describeException(waited['exceptionDetails'])}`);
        const { stream } = await browser.send('Page.printToPDF', PRINT, page.session);
        const pdf = await readStream(browser, String(stream), page.session);
        await browser.close({ idle: true });
        return pdf;
      } catch (error) {
        throw new ExportError(`Chromium could not print the deck to PDF: ${firstLine(error)}; check that \`chromium --headless --print-to-pdf about:blank\` works here, or export html and print that`, { cause: error });
      }
    } finally {
      await this.close();
    }
  }

  /** Ends the browser and removes its profile; safe to call more than once, and on a printer never used. */
  async close(): Promise<void> {
    await this.#browser?.close();
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

function describeException(details: unknown): string {
  const { text, exception } = details as { text?: string; exception?: { description?: string } };
  return (exception?.description ?? text ?? 'an exception').split('\n')[0]!;
}

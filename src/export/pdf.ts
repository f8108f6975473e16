import type { Deck } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { exportHtml } from './html.js';
import type { EmbedImagesOptions } from './images.js';
import { PdfPrinter } from './pdf-printer.js';

export { CHROMIUM_ARGS, DEFAULT_CHROMIUM, PdfPrinter } from './pdf-printer.js';

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
  /**
   * A printer started earlier (its Chromium starting while the deck was read); used once and
   * closed. Without it one is started here, while the HTML is made.
   */
  printer?: PdfPrinter;
}

/**
 * Prints the deck's HTML export with headless Chromium: one 16:9 page per slide (or per reveal
 * step), or an A4 handout page per slide. Text stays selectable, headings make the document
 * outline, and printing waits for fonts and images so no page comes out blank. Chromium runs
 * offline: the deck's own files, embedded in the page, are all it may load; an image on the network
 * is printed as its description.
 */
export async function exportPdf(deck: Deck, options: PdfOptions): Promise<Uint8Array> {
  const printer = options.printer ?? new PdfPrinter({ chromiumPath: options.chromiumPath, timeoutMs: options.timeoutMs });
  try {
    printer.check();
    // Chromium starts, and opens its page, in its own process while the HTML is made here.
    const html = await exportHtml(deck, {
      theme: options.theme,
      layout: options.handout ? 'handout' : 'print',
      steps: options.steps === true && !options.handout,
      images: options.images,
    });
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}

import type { Deck } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { ExportError } from './export-error.js';
import type { EmbedImagesOptions } from './images.js';
import type { PdfPrinter, PrinterOptions } from './pdf-printer.js';

export { ExportError };
export type { PdfPrinter, PrinterOptions };

export const EXPORT_FORMATS = ['html', 'pdf', 'pptx', 'md', 'txt', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file extension for each format. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  html: '.html',
  pdf: '.pdf',
  pptx: '.pptx',
  md: '.md',
  txt: '.txt',
  json: '.json',
};

export interface ExportOptions {
  format: ExportFormat;
  theme: Theme;
  /** PDF: an A4 page per slide with its notes and citations. HTML: the same layout, for printing. */
  handout?: boolean;
  /** PDF and PPTX: one page/slide per reveal step. */
  steps?: boolean;
  /** PDF: the Chromium binary (default /usr/bin/chromium). */
  chromiumPath?: string;
  /** HTML, PDF and PPTX: how images are read (the deck's folder) and who hears of one left out. */
  images?: EmbedImagesOptions;
  /** PDF: a printer from startPdfPrinter, whose Chromium has been starting meanwhile; used once and closed. */
  printer?: PdfPrinter;
}

/**
 * Starts Chromium for a PDF export before the deck is read, so that its start overlaps reading and
 * parsing the deck. Hand the printer to exportDeck, or close() it when the export does not happen.
 */
export async function startPdfPrinter(options: PrinterOptions): Promise<PdfPrinter> {
  const { PdfPrinter } = await import('./pdf-printer.js');
  return new PdfPrinter(options);
}

/**
 * Turns a deck into one of the export formats. Text formats (html, md, txt, json) come back as a
 * string, binary ones (pdf, pptx) as bytes; nothing is written.
 */
export async function exportDeck(deck: Deck, options: ExportOptions): Promise<string | Uint8Array> {
  try {
    return await exportAs(deck, options);
  } catch (error) {
    throw error instanceof ExportError && error.file === '' ? error.forDeck(deck.file) : error;
  }
}

// Each format's modules are imported when that format is asked for, so an HTML export reads
// neither string-width, pptxgenjs nor the PDF printer, and a PDF export can start its Chromium
// (startPdfPrinter) before the HTML maker and the theme code it needs are loaded.
async function exportAs(deck: Deck, options: ExportOptions): Promise<string | Uint8Array> {
  const { format, theme } = options;
  switch (format) {
    case 'html':
      return (await import('./html.js')).exportHtml(deck, { theme, layout: options.handout ? 'handout' : 'present', images: options.images });
    case 'pdf':
      return (await import('./pdf.js')).exportPdf(deck, { theme, handout: options.handout, steps: options.steps, chromiumPath: options.chromiumPath, images: options.images, printer: options.printer });
    case 'pptx':
      return (await import('./pptx.js')).exportPptx(deck, { theme, steps: options.steps, images: options.images });
    case 'md':
      return (await import('./markdown.js')).exportMarkdown(deck);
    case 'txt':
      return (await import('./text.js')).exportText(deck);
    case 'json':
      return (await import('./json.js')).exportJson(deck);
    default: {
      const unknown: never = format;
      throw new ExportError(`unknown export format ${JSON.stringify(unknown)}; use one of ${EXPORT_FORMATS.join(', ')}`);
    }
  }
}

/**
 * export/: Deck + Theme → HTML, PDF (the HTML printed by Chromium), PPTX, Markdown handout, text
 * and JSON. Every function returns a string or bytes and writes nothing. The PDF printer (Chromium
 * driven over its DevTools pipe) and pptxgenjs are loaded only when a PDF or PPTX is made.
 */
export { exportDeck, startPdfPrinter, EXPORT_FORMATS, EXPORT_EXTENSIONS, type ExportFormat, type ExportOptions } from './export-deck.js';
export { ExportError } from './export-error.js';
export { exportHtml, type HtmlOptions, type HtmlLayout } from './html.js';
export { exportPdf, DEFAULT_CHROMIUM, CHROMIUM_ARGS, PdfPrinter, type PdfOptions } from './pdf.js';
export { exportPptx, type PptxOptions } from './pptx.js';
export { exportMarkdown } from './markdown.js';
export { exportText } from './text.js';
export { deckToJson, exportJson, type JsonDeck, type JsonSlide } from './json.js';
export { safeLinkHref, safeImageSrc } from './safe-url.js';
export type { EmbedImagesOptions } from './images.js';

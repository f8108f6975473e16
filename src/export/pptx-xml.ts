/**
 * Repairs to the DrawingML that pptxgenjs writes, so every part is valid Office Open XML.
 *
 * pptxgenjs gives every run of a paragraph its own `<a:pPr>` (a run without a bullet gets
 * `<a:buNone/>`), but CT_TextParagraph allows one, first: PowerPoint reports such files as needing
 * repair, and LibreOffice takes the last one, so a list item that starts with bold text loses its
 * bullet. It also has no way to name a `sym` font, which emoji runs need.
 */

/** An `<a:pPr>` element, self-closing or with content (it never nests). */
const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/gu;
/** A DrawingML paragraph; paragraphs never nest, and pptxgenjs writes the start tag bare. */
const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/gu;

/**
 * Keeps one `<a:pPr>` per paragraph, first: the first one written, which carries the paragraph's
 * bullet, level, alignment and spacing (they are set on its first run).
 */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(PARAGRAPH, (whole, body: string) => {
    const props = body.match(PPR);
    if (!props || (props.length === 1 && body.startsWith(props[0]))) return whole;
    return `<a:p>${props[0]}${body.replace(PPR, '')}</a:p>`;
  });
}

/**
 * Gives runs set in `face` (the emoji face) a `<a:sym>` font too, after `<a:cs>` as the schema orders
 * them, so applications that pick a font per character class find the emoji font for symbols.
 */
export function symbolFonts(xml: string, face: string): string {
  const cs = new RegExp(`(<a:cs typeface="${face.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"[^>]*/>)(?!<a:sym)`, 'gu');
  return xml.replace(cs, `$1<a:sym typeface="${face}"/>`);
}

/** The parts holding slide text: slides, notes, layouts and masters. */
export const TEXT_PARTS = /^ppt\/(?:slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/u;

/**
 * Applies the repairs to every text part of a .pptx package and returns the new package. Entries
 * keep their order ([Content_Types].xml first); they are stored, as pptxgenjs leaves them.
 */
export async function repairPptx(data: Uint8Array, emojiFace: string): Promise<Uint8Array> {
  const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
  const entries = unzipSync(data);
  for (const name of Object.keys(entries)) {
    if (!TEXT_PARTS.test(name)) continue;
    const entry = entries[name];
    if (entry === undefined) continue;
    const xml = strFromU8(entry);
    const fixed = symbolFonts(oneParagraphProperties(xml), emojiFace);
    if (fixed !== xml) entries[name] = strToU8(fixed);
  }
  return zipSync(entries, { level: 0 });
}

/**
 * Raw HTML in a deck is never passed on as markup: these helpers reduce it to its text.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ', para: '¶', sect: '§',
  middot: '·', bull: '•', hellip: '…', prime: '′', Prime: '″', permil: '‰',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  lsaquo: '‹', rsaquo: '›', iexcl: '¡', iquest: '¿', dagger: '†', Dagger: '‡',
  cent: '¢', pound: '£', yen: '¥', euro: '€', curren: '¤',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º', not: '¬', macr: '¯',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', uArr: '⇑', dArr: '⇓', hArr: '⇔',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', equiv: '≡', infin: '∞', minus: '−', sum: '∑', prod: '∏', radic: '√',
  part: '∂', nabla: '∇', isin: '∈', notin: '∉', cap: '∩', cup: '∪', sub: '⊂', sup: '⊃', and: '∧', or: '∨', forall: '∀',
  exist: '∃', empty: '∅', there4: '∴', loz: '◊', check: '✓', cross: '✗', star: '☆', starf: '★',
  spades: '♠', clubs: '♣', hearts: '♥', diams: '♦',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', tau: 'τ',
  phi: 'φ', omega: 'ω', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω', Pi: 'Π',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç', Eacute: 'É', Egrave: 'È',
  Ntilde: 'Ñ', Ouml: 'Ö', Oslash: 'Ø', Uuml: 'Ü', szlig: 'ß', agrave: 'à', aacute: 'á', acirc: 'â', auml: 'ä',
  aring: 'å', aelig: 'æ', ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', iacute: 'í', iuml: 'ï',
  ntilde: 'ñ', oacute: 'ó', ocirc: 'ô', ouml: 'ö', oslash: 'ø', uacute: 'ú', ugrave: 'ù', uuml: 'ü', yuml: 'ÿ',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/gu;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes HTML character references; unknown names are left as written, as CommonMark does. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined && Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined) ?? whole;
  });
}

const BREAK_TAG = /^<br\s*\/?>$/iu;

/** Whether an inline HTML tag is a line break (`<br>`, `<br/>`, `<br />`). */
export function isBreakTag(tag: string): boolean {
  return BREAK_TAG.test(tag.trim());
}

/** Whether a piece of HTML is a comment (`<!-- … -->`). */
export function isComment(html: string): boolean {
  return html.trimStart().startsWith('<!--');
}

/** The text inside an HTML comment, without `<!--` and `-->`. */
export function commentBody(html: string): string {
  const text = html.trim();
  return text.slice(4, text.endsWith('-->') ? -3 : undefined);
}

const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gu;

/** Attributes of an `<img>` tag, or null if the HTML is not a single image tag. */
export function imageTag(html: string): { src: string; alt: string } | null {
  const match = /^<img\b([^>]*)\/?>$/iu.exec(html.trim());
  if (!match) return null;
  const attributes: Record<string, string> = {};
  for (const attr of (match[1] ?? '').matchAll(ATTRIBUTE)) {
    attributes[(attr[1] ?? '').toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
  }
  return { src: attributes.src ?? '', alt: attributes.alt ?? '' };
}

/**
 * The text content of an HTML fragment: comments, scripts and styles removed, `<br>` and block
 * tags as line breaks, other tags dropped, entities decoded, each line trimmed, blank lines dropped.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/gu, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/giu, '')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/?(?:p|div|li|tr|h[1-6]|section|article|header|footer|blockquote|pre|table|ul|ol)\b[^>]*>/giu, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/gu, '')
    .replace(/<\/?[A-Za-z][\s\S]*$/u, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

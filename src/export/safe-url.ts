/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file:…) is dropped. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
/** Schemes an image may be loaded from. */
const IMAGE_SCHEMES = new Set(['http', 'https']);
/** Browsers drop these anywhere in a URL before reading its scheme (`java\tscript:`). */
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/gu;
const SCHEME = /^([^:/?#]*):/u;

function allowed(url: string, schemes: ReadonlySet<string>): string | null {
  const trimmed = url.trim();
  const squeezed = trimmed.replace(IGNORED, '');
  if (squeezed === '') return null;
  // `//host` and `\\host` (read as `//` by browsers) leave the deck's own place: require a scheme.
  if (/^[/\\]{2}/u.test(squeezed) || squeezed.startsWith('\\') || squeezed.startsWith('/\\')) return null;
  const scheme = SCHEME.exec(squeezed);
  if (scheme) return schemes.has((scheme[1] ?? '').toLowerCase()) ? trimmed : null;
  // No scheme: a relative reference (path, `?query`, `#fragment`).
  return trimmed;
}

/**
 * The href a deck link may keep: http, https, mailto or a relative reference; null for every
 * other scheme (javascript:, data:, vbscript:, file:…), for scheme-relative `//host` and for URLs
 * that hide a scheme behind control or invisible characters.
 */
export function safeLinkHref(href: string): string | null {
  return allowed(href, LINK_SCHEMES);
}

/** The src an image may keep: http, https or a relative path; null otherwise. */
export function safeImageSrc(src: string): string | null {
  return allowed(src, IMAGE_SCHEMES);
}

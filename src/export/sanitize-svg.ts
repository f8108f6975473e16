import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/**
 * The SVG elements kept: shapes, text, paint servers, structure, clipping, masking and filters.
 * Everything else goes with its content: scripts, foreignObject (HTML inside SVG), animation
 * (which can rewrite a link into `javascript:`), and any element of another namespace.
 */
const KEPT = new Set(
  [
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch',
    'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
    'text', 'tspan', 'textPath',
    'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image', 'style',
    'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
    'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
    'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
    'feSpotLight', 'feTile', 'feTurbulence',
  ],
);
/** Elements dropped but whose content is kept: a link's text and shapes still belong to the picture. */
const UNWRAPPED = new Set(['a']);
/** A raster image inside an SVG may only be embedded data, never a file or a URL. */
const EMBEDDED_RASTER = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/iu;
/** `url(…)` in a value: only references to the picture's own parts (`url(#id)`) may stay. */
const URL_REFERENCE = /url\s*\(\s*(['"]?)\s*([^'")\s]*)/giu;

function onlyLocalUrls(value: string): boolean {
  for (const match of value.matchAll(URL_REFERENCE)) if (!(match[2] ?? '').startsWith('#')) return false;
  return !/@import|expression\s*\(|javascript:/iu.test(value);
}

function cleanAttributes(element: Element): void {
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.name.toLowerCase();
    const local = (attribute.localName ?? attribute.name).toLowerCase();
    const value = attribute.value;
    let keep = true;
    if (local.startsWith('on')) keep = false;
    else if (local === 'href' || local === 'src') {
      keep = value.trim().startsWith('#') || (element.localName === 'image' && EMBEDDED_RASTER.test(value.trim()));
    } else if (name === 'xml:base' || (attribute.namespaceURI !== null && attribute.namespaceURI !== XLINK_NS && !name.startsWith('xmlns') && attribute.namespaceURI !== 'http://www.w3.org/XML/1998/namespace')) {
      keep = false;
    } else if (!onlyLocalUrls(value)) keep = false;
    if (!keep) element.removeAttributeNode(attribute);
  }
}

function clean(node: Node): void {
  for (const child of Array.from(node.childNodes)) {
    switch (child.nodeType) {
      case child.ELEMENT_NODE: {
        const element = child as Element;
        const local = element.localName ?? element.nodeName;
        if (element.namespaceURI === SVG_NS && UNWRAPPED.has(local)) {
          clean(element);
          while (element.firstChild) node.insertBefore(element.firstChild, element);
          node.removeChild(element);
        } else if (element.namespaceURI !== SVG_NS || !KEPT.has(local)) {
          node.removeChild(element);
        } else if (local === 'style' && !onlyLocalUrls(element.textContent ?? '')) {
          node.removeChild(element);
        } else if (local === 'image' && !EMBEDDED_RASTER.test((element.getAttribute('href') ?? element.getAttributeNS(XLINK_NS, 'href') ?? '').trim())) {
          node.removeChild(element);
        } else {
          cleanAttributes(element);
          clean(element);
        }
        break;
      }
      case child.TEXT_NODE:
      case child.CDATA_SECTION_NODE:
        break;
      default:
        // Comments, processing instructions (an xml-stylesheet would load a file), document types.
        node.removeChild(child);
    }
  }
}

/**
 * An SVG document made safe to embed: parsed as XML (a document that does not parse, declares
 * entities, or is not an `<svg>` in the SVG namespace gives null), then reduced to drawing alone —
 * no scripts, no event handlers, no foreign objects, no animation, and no reference to anything
 * outside the picture (links, `url(…)` and `@import` other than `#id`; images other than embedded
 * PNG, JPEG, GIF or WebP data).
 */
export function sanitizeSvg(text: string): string | null {
  const source = text.replace(/^\uFEFF/u, '');
  // Entities declared in the document could expand without bound; no drawing needs them.
  if (/<!ENTITY/iu.test(source) || /<!DOCTYPE[^>]*\[/iu.test(source)) return null;
  let failed = false;
  const parser = new DOMParser({
    onError: (level) => {
      if (level !== 'warning') failed = true;
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(source, 'image/svg+xml');
  } catch {
    return null;
  }
  const root = doc.documentElement;
  if (failed || !root || root.namespaceURI !== SVG_NS || root.localName !== 'svg') return null;
  try {
    clean(doc);
    if (doc.documentElement !== root) return null;
    return new XMLSerializer().serializeToString(doc);
  } catch {
    // Nested deeper than the walk (or the serialiser) goes: no drawing is; it is not embedded.
    return null;
  }
}

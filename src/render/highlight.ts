import type { ElementContent, Root, RootContent } from 'hast';
import { common, createLowlight } from 'lowlight';
import type { TextStyle, Theme } from '../theme/index.js';
import { mergeStyle } from './style.js';
import type { StyledLine } from './types.js';
import { joinSegments } from './line.js';

/** A run of code text and the highlight.js scopes it is nested in, outermost first. */
export interface CodeToken {
  text: string;
  scopes: string[];
}

// Registering the grammars runs each of them; decks without code never pay for it.
let instance: ReturnType<typeof createLowlight> | null = null;
function lowlight(): ReturnType<typeof createLowlight> {
  instance ??= createLowlight(common);
  return instance;
}
const tokenCache = new Map<string, CodeToken[][]>();
const TOKEN_CACHE_LIMIT = 500;

/** 'hljs-title' + 'function_' → 'title.function'; sub-language wrappers ('language-css') have no scope. */
function scopeOf(className: unknown): string | null {
  if (!Array.isArray(className) || className.length === 0) return null;
  const [first, ...rest] = className.map(String);
  if (first === undefined || !first.startsWith('hljs-')) return null;
  return [first.slice('hljs-'.length), ...rest.map((part) => part.replace(/_+$/u, ''))].join('.');
}

function collect(nodes: readonly (RootContent | ElementContent)[], scopes: string[], lines: CodeToken[][]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== '') lines.at(-1)?.push({ text: part, scopes });
      });
    } else if (node.type === 'element') {
      const scope = scopeOf(node.properties?.className);
      collect(node.children, scope === null ? scopes : [...scopes, scope], lines);
    }
  }
}

/** Whether lowlight's common grammars know a language name or alias. */
export function isKnownLanguage(lang: string): boolean {
  return lang !== '' && lowlight().registered(lang);
}

/**
 * Splits code into lines of highlight.js tokens with lowlight (common grammars); unknown or
 * missing languages give plain tokens. Cached per (language, text): highlighting is the costly
 * part of laying out a code slide.
 */
export function codeTokens(lang: string, text: string): CodeToken[][] {
  const key = `${lang}\u0000${text}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const lines: CodeToken[][] = [[]];
  const name = lang.trim().toLowerCase();
  if (isKnownLanguage(name)) {
    let tree: Root | null = null;
    try {
      tree = lowlight().highlight(name, text);
    } catch {
      tree = null;
    }
    if (tree) collect(tree.children, [], lines);
    else lines.splice(0, 1, ...text.split('\n').map((line) => (line === '' ? [] : [{ text: line, scopes: [] }])));
  } else {
    lines.splice(0, 1, ...text.split('\n').map((line) => (line === '' ? [] : [{ text: line, scopes: [] }])));
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.delete(tokenCache.keys().next().value as string);
  tokenCache.set(key, lines);
  return lines;
}

/** The theme's style for one scope: the most specific entry, 'title.function' then 'title'. */
function scopeStyle(theme: Theme, scope: string): TextStyle | undefined {
  const parts = scope.split('.');
  for (let n = parts.length; n > 0; n--) {
    const style = theme.code.tokens[parts.slice(0, n).join('.')];
    if (style) return style;
  }
  return undefined;
}

/** Styles token lines with the theme: nested scopes draw on top of their parents, on top of `base`. */
export function styleCodeLines(lines: readonly CodeToken[][], theme: Theme, base: TextStyle): StyledLine[] {
  const styleCache = new Map<string, TextStyle>();
  const styleFor = (scopes: string[]): TextStyle => {
    const key = scopes.join(' ');
    let style = styleCache.get(key);
    if (!style) {
      style = base;
      for (const scope of scopes) {
        const over = scopeStyle(theme, scope);
        if (over) style = mergeStyle(style, over);
      }
      styleCache.set(key, style);
    }
    return style;
  };
  return lines.map((tokens) => joinSegments(tokens.map((token) => ({ text: token.text, style: styleFor(token.scopes) }))));
}

import type { ElementContent, Root, RootContent } from 'hast';
import { common, createLowlight } from 'lowlight';

/** A run of code text and its innermost highlight.js scope ('' when none). */
export interface CodeToken {
  text: string;
  scope: string;
}

const lowlight = createLowlight(common);

/** 'hljs-title' + 'function_' → 'title.function'; sub-language wrappers have no scope. */
function scopeOf(className: unknown): string | null {
  if (!Array.isArray(className) || className.length === 0) return null;
  const [first, ...rest] = className.map(String);
  if (first === undefined || !first.startsWith('hljs-')) return null;
  return [first.slice('hljs-'.length), ...rest.map((part) => part.replace(/_+$/u, ''))].join('.');
}

function collect(nodes: readonly (RootContent | ElementContent)[], scope: string, lines: CodeToken[][]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== '') lines.at(-1)?.push({ text: part, scope });
      });
    } else if (node.type === 'element') {
      collect(node.children, scopeOf(node.properties?.className) ?? scope, lines);
    }
  }
}

/** Splits code into lines of tokens, highlighted by lowlight's common grammars when the language is known. */
export function codeTokens(lang: string, text: string): CodeToken[][] {
  const name = lang.trim().toLowerCase();
  const lines: CodeToken[][] = [[]];
  let tree: Root | null = null;
  if (name !== '' && lowlight.registered(name)) {
    try {
      tree = lowlight.highlight(name, text);
    } catch {
      tree = null;
    }
  }
  if (tree) collect(tree.children, '', lines);
  else collect([{ type: 'text', value: text }], '', lines);
  return lines;
}

import { inlineText, type Alignment, type Block, type Slide } from '../../deck/index.js';
import type { SlidePlan } from './types.js';

/** Properties a slide never takes from its template (remark's models/slide.js ignoreProperty). */
const OWN_ONLY = new Set(['name', 'layout', 'count']);

interface Composed {
  blocks: Block[];
  properties: Record<string, string>;
}

/**
 * Applies a dialect's slide plan to the parsed slides: one shown slide per planned slide (hidden
 * and excluded ones left out), each with its template's content before its own, or in place of
 * the template's `{{content}}` paragraph, and `{{ property }}` replaced by the slide's properties
 * (its own, then its template's; classes add up), as remark's Slide model does. The classes
 * `center`, `left` and `right` align the slide and `middle` centres it vertically.
 * Slides the plan does not know (from included files) stay where they are.
 */
export function applySlidePlan(slides: readonly Slide[], plan: SlidePlan, file: string): Slide[] {
  const ownerOf = (slide: Slide) =>
    slide.location.file !== file ? -1 : plan.slides.findIndex((entry) => slide.location.line >= entry.first && slide.location.line <= entry.last);
  const own = new Map<number, Slide>();
  const strays = new Map<number, Slide[]>();
  let last = -1;
  for (const slide of slides) {
    const owner = ownerOf(slide);
    if (owner >= 0 && !own.has(owner)) {
      own.set(owner, slide);
      last = owner;
    } else strays.set(last, [...(strays.get(last) ?? []), slide]);
  }

  const memo = new Map<number, Composed>();
  const compose = (k: number): Composed => {
    const known = memo.get(k);
    if (known) return known;
    const entry = plan.slides[k];
    const mine = own.get(k)?.blocks ?? [];
    const ownProperties = { ...(entry?.properties ?? {}) };
    const base = entry && entry.template !== null && entry.template < k ? compose(entry.template) : null;
    const properties = base ? inherit(base.properties, ownProperties) : ownProperties;
    let blocks = mine;
    if (base) {
      const template = base.blocks.map((block) => atFirstStep(structuredClone(block)));
      const at = template.findIndex((block) => block.kind === 'paragraph' && inlineText(block.children).trim() === '{{content}}');
      blocks = at >= 0 ? [...template.slice(0, at), ...mine, ...template.slice(at + 1)] : [...template, ...mine];
    }
    // The slide's classes (its own and its template's) place the whole slide.
    const alignment = classAlignment(properties.class);
    if (alignment !== null) blocks = blocks.map((block) => (block.align === 'left' ? { ...block, align: alignment } : block));
    if (classes(properties.class).includes('middle') && !blocks.some((block) => block.kind === 'middle')) {
      blocks = [{ kind: 'middle', step: 0, align: alignment ?? 'left', line: entry?.first ?? 1 }, ...blocks];
    }
    const result = { blocks, properties };
    memo.set(k, result);
    return result;
  };

  const out: Slide[] = [...(strays.get(-1) ?? [])];
  plan.slides.forEach((entry, k) => {
    if (!entry.hidden && entry.properties.exclude?.toLowerCase() !== 'true') {
      const { blocks, properties } = compose(k);
      const expanded = expand(blocks, properties);
      const slide = own.get(k);
      const ownTitle = slide ? titleOf(expand(slide.blocks, properties)) : '';
      const base: Slide = slide ?? {
        index: 0,
        title: '',
        blocks: [],
        steps: 1,
        notes: '',
        notesBlocks: [],
        sources: [],
        layout: { footer: true },
        timeMs: null,
        location: { file, line: entry.first, column: 1 },
      };
      out.push({ ...base, blocks: expanded, title: ownTitle || titleOf(expanded) });
    }
    out.push(...(strays.get(k) ?? []));
  });
  return out.map((slide, i) => ({ ...slide, index: i + 1 }));
}

/** A slide's properties over its template's: classes add up; name, layout and count stay its own. */
function inherit(template: Record<string, string>, own: Record<string, string>): Record<string, string> {
  const out = { ...own };
  for (const [key, value] of Object.entries(template)) {
    if (OWN_ONLY.has(key)) continue;
    if (key === 'class' && own.class !== undefined) out.class = `${value}, ${own.class}`;
    else if (own[key] === undefined) out[key] = value;
  }
  return out;
}

function classes(list: string | undefined): string[] {
  return (list ?? '').split(/[\s,]+/u).filter(Boolean);
}

/** The alignment a class list asks for (`center`, `left`, `right`), the last one winning. */
function classAlignment(list: string | undefined): Alignment | null {
  return classes(list).filter((c): c is Alignment => c === 'center' || c === 'left' || c === 'right').at(-1) ?? null;
}

/** A template's block shown from the slide's first step. */
function atFirstStep<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) atFirstStep(item);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.step === 'number') record.step = 0;
    for (const inner of Object.values(record)) if (inner !== null && typeof inner === 'object') atFirstStep(inner);
  }
  return value;
}

/**
 * `{{ name }}` in text and code replaced by the property's value; `{{content}}` left over is
 * empty; an unknown name stays as written (remark's Slide.expandVariables).
 */
function expand(blocks: Block[], properties: Record<string, string>): Block[] {
  const replace = (text: string) =>
    text.replace(/(\\)?(\{\{([^}\n]+)\}\})/gu, (match, escaped: string | undefined, written: string, name: string) => {
      if (escaped) return written;
      const key = name.trim();
      return properties[key] ?? (key === 'content' ? '' : written);
    });
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(record)) out[key] = key === 'text' && typeof inner === 'string' ? replace(inner) : walk(inner);
    return out;
  };
  return walk(blocks) as Block[];
}

/** Plain text of the first heading, looking into column layouts too. */
function titleOf(blocks: readonly Block[]): string {
  for (const block of blocks) {
    if (block.kind === 'heading') return inlineText(block.children).trim();
    if (block.kind === 'columns') {
      for (const column of block.columns) {
        const title = titleOf(column);
        if (title !== '') return title;
      }
    }
  }
  return '';
}

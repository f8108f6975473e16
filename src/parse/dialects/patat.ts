import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/** patat's settings that talkdeck honours; the others get an info. */
const READ = new Set(['incrementalLists', 'slideLevel', 'eval']);

/** A fence opening line with pandoc's attributes: ```` ~~~{.haskell .ghci} ```` or ```` ``` {#id .python} ````. */
const PANDOC_FENCE = /^([ \t]{0,3}(?:`{3,}|~{3,}))[ \t]*\{([^}]*)\}[ \t]*$/u;

/**
 * patat → talkdeck: `. . .` pauses, comments as speaker notes, pandoc's `:::: columns` divs as
 * column layouts, the `patat:` settings `incrementalLists` and `slideLevel`, and slides split at
 * headings when the deck has no `---`, a heading above the slide level making a title slide.
 */
export function normalizePatat(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  const settings = r.frontMatter().patat;
  const patat = settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
  if (typeof patat.incrementalLists === 'boolean') r.incrementalLists = patat.incrementalLists;
  const keyLine = r.lines.findIndex((l, i) => i > 0 && i < r.frontEnd && /^patat[ \t]*:/u.test(l));
  for (const key of Object.keys(patat)) if (!READ.has(key)) r.note(Math.max(0, keyLine), 'info', `ignored patat setting ${key}`);
  if (keyLine >= 0) r.dropFrontMatterKey('patat', null);

  for (const comment of r.comments()) r.commentToNotes(comment.first, comment.body);
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    if (r.isText(i) && /^\.[ \t]+\.[ \t]+\.[ \t]*$/u.test(r.lines[i] ?? '')) r.lines[i] = '<!-- pause -->';
  }
  mapColumns(r);
  codeBlocks(r, patat.eval);
  // pandoc reads `Title` over `---` as a heading, never as a rule.
  r.setextToAtx();
  if (!r.hasRuleBreaks()) {
    const level = typeof patat.slideLevel === 'number' ? patat.slideLevel : r.pandocSlideLevel();
    r.splitAtHeadings(level);
    titleSlides(r, level);
  }
  // pandoc's incremental lists show no item at first: each item, the first too, is one reveal.
  r.listsRevealFirstItem = true;
  return r.result();
}

/**
 * A heading above the slide level is a title slide of its own (patat's TitleSlide): what follows
 * it before the next slide starts a new slide, as `patat --dump` shows.
 */
function titleSlides(r: Rewrite, level: number): void {
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const heading = r.isText(i) ? /^(?:<!-- end_slide --> )?(#{1,6})(?:[ \t]|$)/u.exec(r.lines[i] ?? '') : null;
    if (!heading || (heading[1]?.length ?? 7) >= level) continue;
    let next = i + 1;
    while (next < r.lines.length && r.isText(next) && (r.lines[next] ?? '').trim() === '') next++;
    const line = r.lines[next];
    if (line === undefined || /^<!-- end_slide -->/u.test(line)) continue;
    r.lines[next] = `<!-- end_slide --> ${line}`;
  }
}

/** The classes of a fenced code block: the language word, or pandoc's `{.a .b}` attributes. */
function fenceClasses(line: string): string[] {
  const attributes = PANDOC_FENCE.exec(line);
  if (attributes) return [...(attributes[2] ?? '').matchAll(/(?:^|\s)\.([^\s.}]+)/gu)].map((m) => m[1] ?? '');
  const word = /^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*([^\s{]+)/u.exec(line)?.[1];
  return word === undefined ? [] : [word];
}

/**
 * Code blocks: pandoc's attributes (`{.haskell .ghci}`) become the language, the first class; a
 * block patat evaluates (a class named under `patat.eval`) is shown as code, and its output,
 * which patat reveals one step later (unless `fragment`/`reveal` is false), is a placeholder
 * step: talkdeck runs no code.
 */
function codeBlocks(r: Rewrite, settings: unknown): void {
  const evals = new Map<string, Record<string, unknown>>();
  if (settings !== null && typeof settings === 'object' && !Array.isArray(settings)) {
    for (const [name, value] of Object.entries(settings)) evals.set(name.toLowerCase(), value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  }
  for (const block of r.fencedBlocks()) {
    const line = r.lines[block.open] ?? '';
    const classes = fenceClasses(line);
    const attributes = PANDOC_FENCE.exec(line);
    if (attributes) r.lines[block.open] = `${attributes[1] ?? ''}${classes[0] ?? ''}`;
    const evaluated = classes.find((c) => evals.has(c.toLowerCase()));
    if (evaluated === undefined) continue;
    const settingsOf = evals.get(evaluated.toLowerCase()) ?? {};
    const revealed = (settingsOf.reveal ?? settingsOf.fragment) !== false;
    const after = block.close + 1;
    if (revealed && r.isText(after) && (r.lines[after] ?? '').trim() === '') {
      r.lines[after] = `<!-- pause --> *(the output of this \`${evaluated}\` block: talkdeck runs no code)*`;
      r.note(block.open, 'info', `patat eval block (${evaluated}) shown as code, not run; its output step shows a placeholder`);
    } else r.note(block.open, 'info', `patat eval block (${evaluated}) shown as code, not run`);
  }
}

/** Pandoc's `:::: columns` / `::: {.column width="40%"}` divs → talkdeck column directives. */
function mapColumns(r: Rewrite): void {
  const DIV = /^[ \t]*(:{3,})[ \t]*(.*)$/u;
  let open: { colons: number; column: number } | null = null;
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const div = r.isText(i) ? DIV.exec(r.lines[i] ?? '') : null;
    if (!div) continue;
    const colons = div[1]?.length ?? 3;
    const attrs = (div[2] ?? '').trim();
    if (open === null && /^\{?\.?columns\}?$/u.test(attrs)) {
      const widths: number[] = [];
      let j = i + 1;
      for (; j < r.lines.length; j++) {
        const inner = DIV.exec(r.lines[j] ?? '');
        if (!inner) continue;
        const innerAttrs = (inner[2] ?? '').trim();
        if (innerAttrs === '' && (inner[1]?.length ?? 0) >= colons) break;
        if (/\.column\b/u.test(innerAttrs)) widths.push(Number(/width="?(\d+)%?"?/u.exec(innerAttrs)?.[1] ?? 0));
      }
      const known = widths.length > 0 && widths.every((w) => w > 0);
      const units = known ? widths.map((w) => Math.max(1, Math.round(w / 10))) : widths.map(() => 1);
      r.lines[i] = units.length > 0 ? `<!-- columns: ${units.join(' ')} -->` : '';
      if (units.length === 0) r.note(i, 'warning', 'a columns div without columns is ignored');
      open = { colons, column: 0 };
      continue;
    }
    if (open !== null && /\.column\b/u.test(attrs)) {
      r.lines[i] = `<!-- column: ${open.column++} -->`;
      continue;
    }
    if (open !== null && attrs === '') {
      if (colons >= open.colons) {
        r.lines[i] = '<!-- reset_layout -->';
        open = null;
      } else r.lines[i] = '';
      continue;
    }
    if (attrs !== '') r.note(i, 'info', `ignored pandoc div ${attrs}`);
    r.lines[i] = '';
  }
}

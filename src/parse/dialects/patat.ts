import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/** patat's settings that talkdeck honours; the others get an info. */
const READ = new Set(['incrementalLists', 'slideLevel']);

/**
 * patat → talkdeck: `. . .` pauses, comments as speaker notes, pandoc's `:::: columns` divs as
 * column layouts, the `patat:` settings `incrementalLists` and `slideLevel`, and slides split at
 * headings when the deck has no `---`.
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
  if (!r.hasRuleBreaks()) {
    const level = typeof patat.slideLevel === 'number' ? patat.slideLevel : r.pandocSlideLevel();
    r.splitAtHeadings(level);
  }
  return r.result();
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

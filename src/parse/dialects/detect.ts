import { Rewrite } from './lines.js';
import type { DialectName } from './types.js';

/** Which dialect a deck is written in, and why that one was picked. */
export interface DialectGuess {
  dialect: DialectName;
  reason: string;
}

/** Directives only talkdeck has: a deck using one is talkdeck's own. */
const TALKDECK_ONLY = /^[ \t]*<!--[ \t]*(?:notes|source|columns|column|time)[ \t]*:/u;

/** Markers on a line of their own (outside code), strongest first. */
const MARKERS: { pattern: RegExp; dialect: DialectName; reason: string }[] = [
  { pattern: /^\?\?\?[ \t]*$/u, dialect: 'remark', reason: '`???` speaker notes (remark)' },
  { pattern: /^Note:/u, dialect: 'reveal-md', reason: '`Note:` speaker notes (reveal-md)' },
  { pattern: /^[ \t]*<!--[ \t]*stop[ \t]*-->[ \t]*$/u, dialect: 'lookatme', reason: '`<!-- stop -->` pause (lookatme)' },
  { pattern: /^\.[ \t]+\.[ \t]+\.[ \t]*$/u, dialect: 'patat', reason: '`. . .` pause (patat)' },
  { pattern: /^[ \t]*<!--[ \t]*(?:end_slide|speaker_note|column_layout)\b/u, dialect: 'presenterm', reason: 'presenterm comment commands (`end_slide`, `speaker_note`, `column_layout`)' },
  { pattern: /^----[ \t]*$/u, dialect: 'reveal-md', reason: '`----` vertical slide break (reveal-md)' },
];

/**
 * Guesses the presenter a deck was written for, from its front matter and markers outside
 * code. Decks with talkdeck-only directives, or with no marker at all, are talkdeck's.
 */
export function detectDialect(text: string): DialectGuess {
  const lines = String(text ?? '').replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
  if (/^%(?:title|author|date):/u.test(lines[0] ?? '')) return { dialect: 'mdp', reason: `line 1 is an mdp header (${lines[0]?.split(':')[0] ?? ''}:)` };
  const r = new Rewrite(lines);
  const front = r.frontMatter();
  if (front.marp === true) return { dialect: 'marp', reason: 'front matter has `marp: true`' };
  if ('patat' in front) return { dialect: 'patat', reason: 'front matter has a `patat:` block' };
  if ('revealOptions' in front) return { dialect: 'reveal-md', reason: 'front matter has `revealOptions:`' };
  if ('paging' in front) return { dialect: 'slides', reason: 'front matter has `paging:` (slides)' };
  if ('styles' in front || 'extensions' in front) return { dialect: 'lookatme', reason: 'front matter has lookatme `styles:`/`extensions:`' };
  if ('options' in front && typeof front.options === 'object') return { dialect: 'presenterm', reason: 'front matter has presenterm `options:`' };
  const talkdeckAt = lines.findIndex((l, i) => r.isText(i) && TALKDECK_ONLY.test(l));
  if (talkdeckAt >= 0) return { dialect: 'talkdeck', reason: `line ${talkdeckAt + 1} has a talkdeck directive` };
  for (const marker of MARKERS) {
    const at = lines.findIndex((l, i) => r.isText(i) && marker.pattern.test(l));
    if (at >= 0) return { dialect: marker.dialect, reason: `line ${at + 1}: ${marker.reason}` };
  }
  return { dialect: 'talkdeck', reason: 'no other presenter\'s markers found' };
}

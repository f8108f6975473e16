/** Decks written for other presenters, rewritten line for line into talkdeck's format. */
import { normalizeLookatme } from './lookatme.js';
import { normalizeMarp } from './marp.js';
import { normalizeMdp } from './mdp.js';
import { normalizePatat } from './patat.js';
import { normalizePresenterm } from './presenterm.js';
import { normalizeRemark } from './remark.js';
import { normalizeRevealMd } from './reveal-md.js';
import { normalizeSlides } from './slides.js';
import type { DialectName, Normalized, Normalizer } from './types.js';

export { DIALECT_NAMES, type DialectName, type DialectNote, type Normalized, type Normalizer, type SlidePlan } from './types.js';
export { applySlidePlan } from './slide-plan.js';
export { detectDialect, type DialectGuess } from './detect.js';

const NORMALIZERS: Record<Exclude<DialectName, 'talkdeck'>, Normalizer> = {
  presenterm: normalizePresenterm,
  marp: normalizeMarp,
  slides: normalizeSlides,
  patat: normalizePatat,
  lookatme: normalizeLookatme,
  mdp: normalizeMdp,
  'reveal-md': normalizeRevealMd,
  remark: normalizeRemark,
};

/** Rewrites a dialect deck's lines into talkdeck's format, keeping the number of lines. */
export function normalizeDialect(dialect: DialectName, lines: readonly string[]): Normalized {
  if (dialect === 'talkdeck') return { lines: [...lines], notes: [], meta: {} };
  return NORMALIZERS[dialect](lines);
}

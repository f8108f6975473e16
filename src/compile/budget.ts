/** How a talk of a given length is laid out: how many slides of each kind, and how long each takes. */
export interface Budget {
  minutes: number;
  totalSeconds: number;
  /** Slides the talk aims for in all, about one a minute. */
  slidesTarget: number;
  agenda: boolean;
  /** Whether sections get a divider slide (talks of ten minutes and more). */
  dividers: boolean;
  /** Bullets a content slide aims for (2–5). */
  bulletsPerSlide: number;
  titleSeconds: number;
  agendaSeconds: number;
  dividerSeconds: number;
  takeawaysSeconds: number;
  questionsSeconds: number;
}

/** Rounds to whole multiples of five seconds. */
export function round5(seconds: number): number {
  return Math.max(5, Math.round(seconds / 5) * 5);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The layout of a talk of `minutes`. */
export function planBudget(minutes: number): Budget {
  const totalSeconds = Math.round(minutes * 60);
  const long = minutes >= 15;
  const budget: Budget = {
    minutes,
    totalSeconds,
    slidesTarget: Math.max(4, Math.round(minutes * 1.1)),
    agenda: minutes >= 8,
    dividers: minutes >= 10,
    bulletsPerSlide: 4,
    titleSeconds: long ? 30 : 15,
    agendaSeconds: long ? 30 : 20,
    dividerSeconds: 10,
    takeawaysSeconds: clamp(round5(totalSeconds * 0.05), 30, 120),
    questionsSeconds: clamp(round5(totalSeconds * 0.08), 30, 300),
  };
  if (totalSeconds < 240) {
    // A very short talk: the structure slides go quickly so that content keeps most of the time.
    budget.titleSeconds = 10;
    budget.takeawaysSeconds = round5(totalSeconds * 0.1);
    budget.questionsSeconds = round5(totalSeconds * 0.1);
  }
  return budget;
}

/** Words a speaker says in a second (about 140 a minute). */
export const WORDS_PER_SECOND = 2.3;
/** Chinese characters a speaker says in a second (about 250 a minute). */
export const CJK_CHARS_PER_SECOND = 4.2;

/** Seconds it takes to say a passage aloud: its Latin words at 2.3 a second, its Han characters at 4.2. */
export function speechSeconds(plain: string): number {
  // One pass over the characters: this runs for every sentence of long articles.
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    const wide = (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
    if (wide) {
      cjk++;
      inWord = false;
    } else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000)) {
      if (!inWord) words++;
      inWord = true;
    } else if (c === 32 || c === 10 || c === 9) inWord = false;
  }
  return words / WORDS_PER_SECOND + cjk / CJK_CHARS_PER_SECOND;
}

/** The shortest and longest talk `build` plans when no length is asked for, in minutes. */
export const NATURAL_MINUTES = { min: 3, max: 40 } as const;

/**
 * The natural length of a talk that says `speech` seconds of the articles: the speech, the title,
 * agenda, takeaways and questions around it, rounded up to whole minutes.
 */
export function naturalMinutes(speech: number): number {
  const structure = speech < 240 ? 60 : 150;
  return Math.min(NATURAL_MINUTES.max, Math.max(NATURAL_MINUTES.min, Math.ceil((speech + structure) / 60)));
}

/** Bullets for a content slide of `seconds`: about one per quarter minute, 2 to 5. */
export function bulletsFor(seconds: number): number {
  return clamp(Math.round(seconds / 16), 2, 5);
}

/**
 * Splits `total` seconds over items in proportion to `weights`, in multiples of five seconds
 * (at least `min` each), summing exactly to `total` when `total` is a multiple of five.
 */
export function apportion(total: number, weights: readonly number[], min = 30): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const units = Math.floor(total / 5);
  const minUnits = Math.min(Math.floor(min / 5), Math.floor(units / n));
  const free = units - minUnits * n;
  const sum = weights.reduce((a, b) => a + b, 0) || n;
  const exact = weights.map((w) => ((sum === n && weights.every((x) => x === 0) ? 1 : w) / sum) * free);
  const out = exact.map((x) => Math.floor(x));
  let left = free - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && n > 0; k = (k + 1) % n, left--) out[order[k]?.i ?? 0] = (out[order[k]?.i ?? 0] ?? 0) + 1;
  return out.map((u) => (u + minUnits) * 5);
}

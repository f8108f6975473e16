/** Which unit a bare number stands for: minutes for a talk's length, seconds for a slide's time. */
export type BareDurationUnit = 'minutes' | 'seconds';

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
};

const BARE = /^\d+(?:\.\d+)?$/u;
const CLOCK = /^(\d{1,4}):([0-5]?\d)(?::([0-5]?\d))?$/u;
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/guy;

/**
 * Parses a duration into milliseconds, or returns null when the text is not one.
 *
 * Accepted: `20m`, `1h30m`, `1h 30m`, `90s`, `1.5h`, `20 min`, `500ms`, a clock `1:30`
 * (minutes:seconds) or `1:30:00` (hours:minutes:seconds), and a bare number `45`, read in
 * `bareUnit` — minutes by default (a talk's `duration:`), seconds for a slide's `time:`.
 * Units must come from largest to smallest and each at most once.
 */
export function parseDuration(text: string, bareUnit: BareDurationUnit = 'minutes'): number | null {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  if (BARE.test(value)) {
    return finite(Number(value) * (bareUnit === 'minutes' ? 60_000 : 1000));
  }
  const clock = CLOCK.exec(value);
  if (clock) {
    const [, a, b, c] = clock;
    const ms = c === undefined ? (Number(a) * 60 + Number(b)) * 1000 : (Number(a) * 3600 + Number(b) * 60 + Number(c)) * 1000;
    return finite(ms);
  }
  PART.lastIndex = 0;
  let total = 0;
  let previousUnitMs = Infinity;
  let consumed = 0;
  for (let match = PART.exec(value); match; match = PART.exec(value)) {
    const unitMs = UNIT_MS[match[2] ?? ''];
    if (unitMs === undefined || unitMs >= previousUnitMs) return null;
    previousUnitMs = unitMs;
    total += Number(match[1]) * unitMs;
    consumed = PART.lastIndex;
  }
  if (consumed !== value.length) return null;
  return finite(total);
}

function finite(ms: number): number | null {
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : null;
}

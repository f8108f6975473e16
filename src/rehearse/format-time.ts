/** A duration as `m:ss`, or `h:mm:ss` from an hour on; whole seconds, rounded down, sign dropped. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}:${seconds}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${seconds}`;
}

/** Elapsed talk time as `mm:ss`, or `h:mm:ss` from an hour on, like the presenter's footer. */
export function formatElapsedClock(ms: number): string {
  const clock = formatClock(Math.max(0, ms));
  return /^\d:\d\d$/u.test(clock) ? `0${clock}` : clock;
}

/** A signed duration as `+m:ss` or `−m:ss` (a true minus sign); `±0:00` for less than a second. */
export function formatDelta(ms: number): string {
  if (Math.abs(ms) < 1000) return '±0:00';
  return `${ms > 0 ? '+' : '−'}${formatClock(ms)}`;
}

import { describe, expect, test } from 'vitest';
import { parseDuration } from '../../src/parse/index.js';

const MIN = 60_000;

describe('parseDuration', () => {
  test.each([
    ['20m', 20 * MIN],
    ['1h30m', 90 * MIN],
    ['1h 30m', 90 * MIN],
    ['90s', 90_000],
    ['45', 45 * MIN],
    ['1:30', 90_000],
    ['1:30:00', 90 * MIN],
    ['1.5h', 90 * MIN],
    ['20 min', 20 * MIN],
    ['2 minutes 30 seconds', 150_000],
    ['500ms', 500],
    [' 20M ', 20 * MIN],
    ['0s', 0],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test('a bare number is seconds when asked (slide times)', () => {
    expect(parseDuration('45', 'seconds')).toBe(45_000);
    expect(parseDuration('2.5', 'seconds')).toBe(2500);
    expect(parseDuration('1m', 'seconds')).toBe(MIN);
  });

  test.each(['', 'soon', '20x', '30m1h', '1h1h', '-5m', '1:75', 'm', '1h30', '1:2:3:4', '20 m x'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

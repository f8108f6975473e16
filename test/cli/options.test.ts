import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { parseAutoAdvance } from '../../src/cli/options.js';

describe('--auto-advance', () => {
  it('knows Ignite (20 × 15 s) and PechaKucha (20 × 20 s), and takes seconds', () => {
    expect(parseAutoAdvance('ignite').everyMs).toBe(15_000);
    expect(parseAutoAdvance('PechaKucha').everyMs).toBe(20_000);
    expect(parseAutoAdvance('pecha-kucha').everyMs).toBe(20_000);
    expect(parseAutoAdvance('30').everyMs).toBe(30_000);
    expect(parseAutoAdvance('7.5s').everyMs).toBe(7_500);
    expect(parseAutoAdvance('ignite').banner(20)).toBe('auto-advance: the next slide every 15 s; t pauses (Ignite: 20 slides × 15 s)');
    expect(parseAutoAdvance('pechakucha').banner(12)).toBe('auto-advance: the next slide every 20 s; t pauses (PechaKucha: 20 slides × 20 s; this deck has 12)');
  });

  it.each(['', 'fast', '0', '-5', '4000', 'NaN'])('refuses %j as a usage error', (text) => {
    expect(() => parseAutoAdvance(text)).toThrow(UsageError);
  });
});

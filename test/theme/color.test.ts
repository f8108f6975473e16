import { describe, expect, it } from 'vitest';
import { checkColor, NAMED_COLORS } from '../../src/theme/index.js';
import { contrastRatio } from './contrast.js';

describe('checkColor', () => {
  it.each([
    ['#1e1e2e', '#1e1e2e'],
    ['#FFF', '#FFF'],
    ['default', 'default'],
    ['blue', 'blue'],
    ['blackBright', 'blackBright'],
    ['grey', 'grey'],
    ['ansi256(214)', 'ansi256(214)'],
    ['ansi256( 0 )', 'ansi256(0)'],
    ['rgb(10, 20, 30)', 'rgb(10,20,30)'],
    ['rgb(255,255,255)', 'rgb(255,255,255)'],
  ])('accepts %j as %j', (value, normal) => {
    expect(checkColor(value)).toEqual({ ok: true, color: normal });
  });

  it('accepts every named ANSI colour', () => {
    for (const name of NAMED_COLORS) expect(checkColor(name).ok).toBe(true);
    expect(NAMED_COLORS).toHaveLength(18);
  });

  it.each([
    ['purpel', '"purpel" is not a colour (did you mean "magenta"?)'],
    ['purple', '"purple" is not a colour (did you mean "magenta"?)'],
    ['bleu', '"bleu" is not a colour (did you mean "blue"?)'],
    ['Red', '"Red" is not a colour (did you mean "red"?)'],
    ['blackbright', '"blackbright" is not a colour (did you mean "blackBright"?)'],
    ['none', '"none" is not a colour (did you mean "default"?)'],
    ['1e1e2e', '"1e1e2e" is not a colour (did you mean "#1e1e2e"?)'],
    [' blue', '" blue" is not a colour (did you mean "blue"?)'],
    ['#12345', '"#12345" is not a colour (hex colours are #rgb or #rrggbb)'],
    ['#ggg', '"#ggg" is not a colour (hex colours are #rgb or #rrggbb)'],
    ['ansi256(256)', '"ansi256(256)" is not a colour (ansi256 takes 0 to 255)'],
    ['ansi256(x)', '"ansi256(x)" is not a colour (write ansi256(N) with N from 0 to 255)'],
    ['rgb(1,2,300)', '"rgb(1,2,300)" is not a colour (rgb components are 0 to 255)'],
    ['rgb(1,2)', '"rgb(1,2)" is not a colour (write rgb(r,g,b) with each from 0 to 255)'],
    ['gren', '"gren" is not a colour (did you mean "green"?)'],
    [
      'chartreuse',
      '"chartreuse" is not a colour (use #rrggbb, a named ANSI colour such as "blue" or "cyanBright", ansi256(N), rgb(r,g,b) or "default")',
    ],
  ])('rejects %j', (value, message) => {
    expect(checkColor(value)).toEqual({ ok: false, message });
  });
});

describe('contrastRatio (test helper)', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

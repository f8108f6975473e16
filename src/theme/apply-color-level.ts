import chalk from 'chalk';
import type { ColorLevel } from './color-level.js';

/**
 * Sets the colour depth chalk draws with. Ink draws every colour through chalk, so at level 2 or 1
 * hex colours are down-sampled to the nearest of 256 or 16, and at 0 no colour is drawn. This is the
 * one global the app sets, once at startup, before anything is rendered.
 */
export function applyColorLevel(level: ColorLevel): void {
  chalk.level = level;
}

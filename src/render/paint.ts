import chalk, { type ChalkInstance } from 'chalk';
import { escapeControls } from '../text/index.js';
import type { Color, TextStyle } from '../theme/index.js';
import { padLine } from './line.js';
import type { StyledLine } from './types.js';

/** Wraps text in an OSC 8 hyperlink. The URL is already restricted to printable ASCII. */
export function osc8(href: string, text: string): string {
  return `\u001b]8;;${href}\u001b\\${text}\u001b]8;;\u001b\\`;
}

const RGB = /^rgb\((\d+),(\d+),(\d+)\)$/u;
const ANSI256 = /^ansi256\((\d+)\)$/u;

/**
 * Applies a theme colour the way Ink's `<Text color>` does: hex, rgb(), ansi256() or a name. A theme
 * for a 256- or 16-colour terminal comes fitted to it (theme's `fitThemeToDepth`), so its colours
 * arrive as palette entries; chalk's own rounding of a hex colour would turn dark blue-greys grey.
 */
function colour(painter: ChalkInstance, color: Color, background: boolean): ChalkInstance {
  if (color.startsWith('#')) return background ? painter.bgHex(color) : painter.hex(color);
  const rgb = RGB.exec(color);
  if (rgb) {
    const [r, g, b] = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
    return background ? painter.bgRgb(r, g, b) : painter.rgb(r, g, b);
  }
  const ansi = ANSI256.exec(color);
  if (ansi) return background ? painter.bgAnsi256(Number(ansi[1])) : painter.ansi256(Number(ansi[1]));
  const name = background ? `bg${color[0]!.toUpperCase()}${color.slice(1)}` : color;
  const styled = (painter as unknown as Record<string, ChalkInstance | undefined>)[name];
  return styled ?? painter;
}

function paintSegment(text: string, style: TextStyle, fill: Color | undefined): string {
  let painter: ChalkInstance = chalk;
  if (style.fg && style.fg !== 'default') painter = colour(painter, style.fg, false);
  const bg = style.bg ?? fill;
  if (bg && bg !== 'default') painter = colour(painter, bg, true);
  if (style.bold) painter = painter.bold;
  if (style.italic) painter = painter.italic;
  if (style.underline) painter = painter.underline;
  if (style.dim) painter = painter.dim;
  if (style.strikethrough) painter = painter.strikethrough;
  if (style.inverse) painter = painter.inverse;
  return painter(text);
}

/**
 * Paints laid-out lines as one string of terminal output, row by row from the cursor, without
 * Ink: what `<Lines>` shows, for the first frame of the presenter before Ink has loaded.
 */
export function paintLines(lines: readonly StyledLine[], columns: number, background: Color): string {
  return lines.map((line) => paintLine(line, columns, background)).join('\r\n');
}

/** Painted rows by line object, fill and width: layouts are cached, so most rows repeat frame to frame. */
const paintedRows = new WeakMap<StyledLine, Map<string, string>>();

/** Paints one laid-out line as terminal output, padded with the background colour to `columns`. */
export function paintLine(line: StyledLine, columns: number, background: Color): string {
  const fill = background === 'default' ? undefined : background;
  const key = `${fill ?? ''}|${fill ? columns : 0}|${chalk.level}`;
  let byKey = paintedRows.get(line);
  const cached = byKey?.get(key);
  if (cached !== undefined) return cached;
  const padded = fill ? padLine(line, columns) : line;
  // The frame's output edge: layout has made deck text safe already, and whatever reached a line
  // some other way (a title in an overlay's header, say) is made safe here.
  const painted = padded.map((s) => paintSegment(s.href ? osc8(s.href, escapeControls(s.text)) : escapeControls(s.text), s.style, fill)).join('');
  if (!byKey) paintedRows.set(line, (byKey = new Map()));
  byKey.set(key, painted);
  return painted;
}

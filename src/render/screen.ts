import type { Deck, Position } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { layoutFooter } from './footer.js';
import { highlightMatches } from './highlight-matches.js';
import { layoutSlide } from './layout-slide.js';
import { joinSegments, padLine, truncateLine } from './line.js';
import { sanitizeText } from './sanitize.js';
import { isTooSmall, layoutTooSmall } from './too-small.js';
import type { LayoutOptions, StyledLine } from './types.js';

/** A one-line message over the slide: a reload error, a hint. */
export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export interface SlideScreenProps {
  deck: Deck;
  position: Position;
  theme: Theme;
  columns: number;
  rows: number;
  elapsedMs: number;
  hyperlinks: boolean;
  banner?: Banner | null;
  /** Draw the footer (also subject to the slide's own layout.footer); default true. */
  footer?: boolean;
  /** Text to mark on the slide wherever it shows (a search), ignoring case. */
  highlight?: string | null;
  /** Runs of `+exec` blocks, images, and the key that changes when they do (see LayoutOptions). */
  exec?: LayoutOptions['exec'];
  images?: LayoutOptions['images'];
  extrasKey?: string;
}

function bannerLine(banner: Banner, theme: Theme, columns: number): StyledLine {
  const style = banner.kind === 'error' ? theme.banner.error : theme.banner.info;
  const text = sanitizeText(banner.text).replace(/\s+/gu, ' ').trim();
  return padLine(truncateLine([{ text: ` ${text} `, style }], columns), columns, style);
}

/** One shared blank row, so memoised rows see the same object from frame to frame. */
const BLANK: StyledLine = [];

function fillRows(lines: StyledLine[], rows: number): StyledLine[] {
  const out = lines.slice(0, rows);
  while (out.length < rows) out.push(BLANK);
  return out;
}

/**
 * The whole screen as lines: optional banner on top, the slide's content area, the footer at the
 * bottom (unless turned off by the prop or the slide), or the too-small message. Exactly `rows`
 * lines, none wider than `columns`.
 */
export function layoutScreen(props: SlideScreenProps): StyledLine[] {
  const { deck, position, theme, columns, rows } = props;
  const width = Math.max(0, Math.floor(columns));
  const height = Math.max(0, Math.floor(rows));
  if (isTooSmall(width, height)) return fillRows(layoutTooSmall(width, height, theme.banner.error), height);
  const top: StyledLine[] = props.banner ? [bannerLine(props.banner, theme, width)] : [];
  const index = Math.max(0, Math.min(position.slide, deck.slides.length - 1));
  const slide = deck.slides[index];
  if (!slide) {
    const message: StyledLine = [{ text: sanitizeText(`${deck.file || 'deck'}: no slides`), style: theme.text }];
    return fillRows([...top, [], truncateLine(message, width)], height);
  }
  const showFooter = props.footer !== false && slide.layout.footer;
  const contentRows = height - top.length - (showFooter ? 1 : 0);
  const step = Math.max(0, Math.min(position.step, slide.steps - 1));
  const { lines } = layoutSlide(slide, step, theme, { columns: width, rows: contentRows }, { hyperlinks: props.hyperlinks, exec: props.exec, images: props.images, extrasKey: props.extrasKey });
  const content = props.highlight ? highlightMatches(lines, props.highlight, theme.searchMatch) : lines;
  const screen = [...top, ...fillRows(content, contentRows)];
  if (showFooter) {
    const title = deck.meta.title || slide.title;
    screen.push(
      joinSegments(
        layoutFooter({ title, slideNumber: index + 1, slideCount: deck.slides.length, elapsedMs: props.elapsedMs, columns: width, theme }),
      ),
    );
  }
  return screen;
}

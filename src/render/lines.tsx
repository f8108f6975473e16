import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Color, TextStyle, Theme } from '../theme/types.js';
import { padLine } from './line.js';
import { osc8 } from './paint.js';
import type { Segment, StyledLine } from './types.js';

export interface LinesProps {
  lines: readonly StyledLine[];
  /** Width to fill with `background`; needed only when a background is set. */
  columns?: number;
  /** Colour painted under every cell without its own background; 'default' paints nothing. */
  background?: Color;
  /** Shorthand for `background={theme.background}`. */
  theme?: Theme;
}


function colorProp(color: Color | undefined): Color | undefined {
  return color === undefined || color === 'default' ? undefined : color;
}

function SegmentText({ segment, background }: { segment: Segment; background: Color | undefined }) {
  const style: TextStyle = segment.style;
  const text = segment.href === undefined ? segment.text : osc8(segment.href, segment.text);
  return (
    <Text
      color={colorProp(style.fg)}
      backgroundColor={colorProp(style.bg ?? background)}
      bold={style.bold}
      italic={style.italic}
      underline={style.underline}
      dimColor={style.dim}
      strikethrough={style.strikethrough}
      inverse={style.inverse}
    >
      {text}
    </Text>
  );
}

interface LineProps {
  line: StyledLine;
  columns: number | undefined;
  fill: Color | undefined;
}

/**
 * One row, memoised on the line object: layouts are cached, so rows that did not change (all but
 * the footer clock, most of the time) skip React's work.
 */
const Line = memo(function Line({ line, columns, fill }: LineProps) {
  const painted = fill !== undefined && columns !== undefined ? padLine(line, columns) : line;
  return (
    <Text wrap="truncate-end">
      {painted.length === 0 ? ' ' : painted.map((segment, i) => <SegmentText key={i} segment={segment} background={fill} />)}
    </Text>
  );
});

/**
 * Paints laid-out lines, one terminal row each, with nested `<Text>` per segment. Lines are
 * expected to fit already (layout is done by width); `truncate-end` is only a guard.
 */
export function Lines({ lines, columns, background, theme }: LinesProps) {
  const fill = colorProp(background ?? theme?.background);
  return (
    <Box flexDirection="column" height={lines.length} width={columns}>
      {lines.map((line, row) => (
        <Line key={row} line={line} columns={columns} fill={fill} />
      ))}
    </Box>
  );
}

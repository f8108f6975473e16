import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Color, Theme } from '../theme/types.js';
import { paintLine } from './paint.js';
import type { StyledLine } from './types.js';

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

interface LineProps {
  line: StyledLine;
  columns: number | undefined;
  fill: Color | undefined;
}

/**
 * One row as one `<Text>` holding the row already painted (colours, OSC 8 links), memoised on the
 * line object: layouts are cached, so rows that did not change (all but the footer clock, most of
 * the time) skip React's work, and a painted row is reused from frame to frame.
 */
const Line = memo(function Line({ line, columns, fill }: LineProps) {
  const painted = paintLine(line, fill !== undefined && columns !== undefined ? columns : 0, fill ?? 'default');
  return <Text wrap="truncate-end">{painted.length === 0 ? ' ' : painted}</Text>;
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

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Color, Theme } from '../theme/index.js';
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

/**
 * Paints laid-out lines as one `<Text>` holding the whole screen already painted (colours, OSC 8
 * links), one terminal row per line. Each row is painted once per line object and reused frame to
 * frame (layouts are cached), and one node instead of one per row spares React and Yoga their work
 * on every key. Lines are expected to fit already: layout is done by width.
 */
export function Lines({ lines, columns, background, theme }: LinesProps) {
  const fill = background ?? theme?.background ?? 'default';
  const painted = useMemo(() => lines.map((line) => paintLine(line, columns ?? 0, fill) || ' ').join('\n'), [lines, columns, fill]);
  return (
    <Box flexDirection="column" height={lines.length} width={columns}>
      <Text>{painted}</Text>
    </Box>
  );
}

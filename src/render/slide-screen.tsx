import { useMemo } from 'react';
import { Lines } from './lines.js';
import { layoutScreen, type SlideScreenProps } from './screen.js';

/** The full-screen frame of the presenter: `layoutScreen` painted by `<Lines>`. */
export function SlideScreen(props: SlideScreenProps) {
  const { deck, position, theme, columns, rows, elapsedMs, hyperlinks, banner, footer, highlight, exec, images, extrasKey } = props;
  const lines = useMemo(
    () => layoutScreen({ deck, position, theme, columns, rows, elapsedMs, hyperlinks, banner, footer, highlight, exec, images, extrasKey }),
    // position is compared by its fields so a fresh object with the same values does not re-layout.
    [deck, position.slide, position.step, theme, columns, rows, elapsedMs, hyperlinks, banner?.kind, banner?.text, footer, highlight, exec, images, extrasKey],
  );
  return <Lines lines={lines} columns={columns} background={theme.background} />;
}

/**
 * presenterm's `theme: { override: … }` (its theme schema, src/theme/raw.rs of
 * mfontanini/presenterm) mapped onto talkdeck's theme fields, where one has a match.
 */

/** A partial talkdeck theme, in the fields of themes/README.md. */
export type ThemePatch = Record<string, unknown>;

/** Something in the override that has no match in talkdeck's theme, or a value that is wrong. */
export interface ThemeOverrideNote {
  /** Path of the key inside `override`, e.g. ['intro_slide'] or ['headings', 'h1', 'font_size']. */
  path: string[];
  severity: 'info' | 'warning';
  message: string;
}

/** presenterm's named colours (crossterm's): the plain names are the bright ones, `dark_` the normal. */
const NAMED: Record<string, string> = {
  black: 'black',
  dark_grey: 'gray',
  grey: 'white',
  white: 'whiteBright',
  red: 'redBright',
  dark_red: 'red',
  green: 'greenBright',
  dark_green: 'green',
  yellow: 'yellowBright',
  dark_yellow: 'yellow',
  blue: 'blueBright',
  dark_blue: 'blue',
  magenta: 'magentaBright',
  dark_magenta: 'magenta',
  cyan: 'cyanBright',
  dark_cyan: 'cyan',
};

/** What presenterm's root keys are, for the message about one talkdeck has no match for. */
const UNMAPPED: Record<string, string> = {
  intro_slide: 'intro-slide styles',
  column_layout: 'column margins',
  execution_output: 'snippet output styles (talkdeck runs no code)',
  pty_output: 'snippet output styles (talkdeck runs no code)',
  typst: 'typst rendering',
  mermaid: 'mermaid rendering',
  d2: 'd2 rendering',
  modals: 'modal dialogs',
  layout_grid: 'the layout grid',
  table: 'table alignment',
  extends: 'extends in an override (presenterm refuses it too)',
};

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Maps presenterm's override onto a talkdeck theme patch: default text and background colours,
 * the fixed margin, slide titles (talkdeck's h1) and headings, bold, italics, inline code, the
 * code background, block quotes, alerts and the progress-bar character, with `palette:` colours
 * resolved. Everything else comes back as a note naming it.
 */
export function mapPresentermOverride(override: unknown): { patch: ThemePatch; notes: ThemeOverrideNote[] } {
  const patch: ThemePatch = {};
  const notes: ThemeOverrideNote[] = [];
  if (!isRecord(override)) {
    notes.push({ path: [], severity: 'warning', message: '`theme.override` must be a mapping of presenterm theme keys; ignored' });
    return { patch, notes };
  }
  const palette = isRecord(override.palette) && isRecord(override.palette.colors) ? override.palette.colors : {};
  const set = (target: string[], value: unknown) => {
    let node = patch;
    for (const key of target.slice(0, -1)) node = (isRecord(node[key]) ? node[key] : (node[key] = {})) as ThemePatch;
    node[target[target.length - 1] ?? ''] = value;
  };
  const unmapped = (path: string[], what: string) => notes.push({ path, severity: 'info', message: `\`theme.override.${path.join('.')}\` (presenterm) is not applied: talkdeck's theme has no ${what}` });
  const color = (path: string[], value: unknown): string | null => {
    const raw = typeof value === 'number' ? String(value) : value;
    if (typeof raw !== 'string') {
      notes.push({ path, severity: 'warning', message: `\`theme.override.${path.join('.')}\` is not a colour; ignored` });
      return null;
    }
    const reference = /^(?:palette|p):(.+)$/u.exec(raw);
    if (reference) {
      const named = palette[reference[1] ?? ''];
      if (named === undefined) {
        notes.push({ path, severity: 'info', message: `\`theme.override.${path.join('.')}\`: palette colour ${reference[1] ?? ''} is not defined in the override's palette; ignored` });
        return null;
      }
      return color(path, named);
    }
    if (NAMED[raw] !== undefined) return NAMED[raw];
    if (/^[0-9a-fA-F]{6}$/u.test(raw)) return `#${raw.toLowerCase()}`;
    if (/^[0-9a-fA-F]{3}$/u.test(raw)) return `#${[...raw.toLowerCase()].map((c) => c + c).join('')}`;
    notes.push({ path, severity: 'warning', message: `\`theme.override.${path.join('.')}\`: ${JSON.stringify(raw)} is not a presenterm colour (hex like ff0000, a name like dark_red, or palette:name); ignored` });
    return null;
  };
  /** `colors: { foreground, background }` → fg/bg of `target`; other keys of `colors` noted. */
  const colors = (path: string[], value: unknown, target: string[], background: string[] = [...target, 'bg']) => {
    if (!isRecord(value)) return;
    for (const [key, raw] of Object.entries(value)) {
      const at = [...path, key];
      if (key === 'foreground' || key === 'background') {
        const mapped = color(at, raw);
        if (mapped !== null) set(key === 'foreground' ? [...target, 'fg'] : background, mapped);
      } else unmapped(at, `${key} colour here`);
    }
  };
  /** A heading-like style: colours, prefix, bold, italics, underlined. */
  const heading = (path: string[], value: unknown, target: string[]) => {
    if (!isRecord(value)) return;
    for (const [key, raw] of Object.entries(value)) {
      const at = [...path, key];
      if (key === 'colors') colors(at, raw, target);
      else if (key === 'prefix' && typeof raw === 'string') set([...target, 'prefix'], raw === '' ? '' : `${raw} `);
      else if ((key === 'bold' || key === 'italics' || key === 'italic' || key === 'underlined') && typeof raw === 'boolean') set([...target, { bold: 'bold', italics: 'italic', italic: 'italic', underlined: 'underline' }[key]], raw);
      else unmapped(at, key === 'font_size' ? 'font sizes (a terminal has one)' : key);
    }
  };

  for (const [key, value] of Object.entries(override)) {
    const path = [key];
    switch (key) {
      case 'default':
        if (!isRecord(value)) break;
        for (const [inner, raw] of Object.entries(value)) {
          if (inner === 'colors') colors([key, inner], raw, ['text'], ['background']);
          else if (inner === 'margin' && isRecord(raw) && typeof raw.fixed === 'number' && Number.isInteger(raw.fixed) && raw.fixed >= 0 && raw.fixed <= 40) set(['margin', 'horizontal'], raw.fixed);
          else unmapped([key, inner], inner === 'margin' ? 'margin other than a fixed one from 0 to 40 columns' : inner);
        }
        break;
      case 'slide_title':
        heading(path, value, ['headings', 'h1']);
        break;
      case 'headings':
        if (!isRecord(value)) break;
        for (const [level, style] of Object.entries(value)) {
          if (/^h[1-6]$/u.test(level)) heading([key, level], style, ['headings', level]);
          else unmapped([key, level], level);
        }
        break;
      case 'bold':
      case 'italics':
      case 'italic':
      case 'inline_code':
        if (!isRecord(value)) break;
        for (const [inner, raw] of Object.entries(value)) {
          if (inner === 'colors') colors([key, inner], raw, [{ bold: 'strong', italics: 'emphasis', italic: 'emphasis', inline_code: 'inlineCode' }[key]]);
          else unmapped([key, inner], inner);
        }
        break;
      case 'code':
        if (!isRecord(value)) break;
        for (const [inner, raw] of Object.entries(value)) {
          // `background: false` draws code on the terminal's own background.
          if (inner === 'background' && raw === false) set(['code', 'block', 'bg'], 'default');
          else if (inner !== 'background') unmapped([key, inner], inner === 'theme_name' ? 'syntect highlighting themes (its code colours are in code.tokens)' : `code ${inner}`);
        }
        break;
      case 'block_quote':
        if (!isRecord(value)) break;
        for (const [inner, raw] of Object.entries(value)) {
          if (inner === 'prefix' && typeof raw === 'string' && raw.trim() !== '') set(['quote', 'bar'], raw.trim());
          else if (inner === 'colors') colors([key, inner], raw, ['quote']);
          else unmapped([key, inner], `block quote ${inner}`);
        }
        break;
      case 'alert':
        if (!isRecord(value)) break;
        for (const [inner, raw] of Object.entries(value)) {
          if (inner !== 'styles' || !isRecord(raw)) {
            unmapped([key, inner], `alert ${inner}`);
            continue;
          }
          for (const [kind, style] of Object.entries(raw)) {
            if (!['note', 'tip', 'important', 'warning', 'caution'].includes(kind) || !isRecord(style)) {
              unmapped([key, inner, kind], `alert kind ${kind}`);
              continue;
            }
            for (const [field, v] of Object.entries(style)) {
              const at = [key, inner, kind, field];
              if (field === 'color') {
                const mapped = color(at, v);
                if (mapped !== null) set(['alerts', kind, 'fg'], mapped);
              } else if ((field === 'title' || field === 'icon') && typeof v === 'string') set(['alerts', kind, field === 'title' ? 'label' : 'icon'], v);
              else unmapped(at, `alert ${field}`);
            }
          }
        }
        break;
      case 'footer':
        if (isRecord(value) && value.style === 'progress_bar') {
          if (typeof value.character === 'string' && [...value.character].length === 1) set(['footer', 'progressChar'], value.character);
          else if (value.character !== undefined) unmapped([key, 'character'], 'progress character of more than one character');
        } else unmapped(path, `${isRecord(value) && typeof value.style === 'string' ? `${value.style} ` : ''}footer: its footer shows the slide number and a progress bar`);
        break;
      case 'palette':
        if (isRecord(value)) for (const inner of Object.keys(value)) if (inner !== 'colors') unmapped([key, inner], inner === 'classes' ? 'palette classes (<span class> colours)' : `palette ${inner}`);
        break;
      default:
        unmapped(path, UNMAPPED[key] ?? key);
    }
  }
  return { patch, notes };
}

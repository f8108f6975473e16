export type * from './types.js';
export { loadTheme, builtinThemeNames, type LoadThemeOptions } from './load-theme.js';
export { ThemeError, type ThemeProblem } from './theme-error.js';
export { detectColorLevel, type ColorLevel } from './color-level.js';
export { applyColorLevel } from './apply-color-level.js';
export { checkColor, NAMED_COLORS, DEFAULT_COLOR, type NamedColor, type ColorCheck } from './color.js';
export { TOKEN_SCOPES } from './token-scopes.js';
export { colorHex, contrastRatio, luminance, ansi256Hex, ANSI16_RGB } from './palette.js';
export { downsampleColor, fitThemeToDepth } from './downsample.js';

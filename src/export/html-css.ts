import type { HeadingStyle, Theme } from '../theme/index.js';
import { cssColor } from './css-color.js';
import type { StyleSheet } from './style-sheet.js';
import { textStyleCss } from './style-sheet.js';

/** How the page is laid out: on screen with navigation, one slide per page, or a handout page per slide. */
export type HtmlLayout = 'present' | 'print' | 'handout';

/**
 * Sans-serif stack. Latin comes from common TrueType faces (DejaVu Sans on Linux), which Chromium
 * embeds in a PDF quickly; CJK falls through to Noto Sans CJK (fonts-noto-cjk) and the platform's
 * CJK faces, so Chinese and Japanese get real glyphs, never tofu.
 */
export const SANS =
  '"Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR", "Source Han Sans SC", "PingFang SC", "Hiragino Sans", "Microsoft YaHei", sans-serif, "Noto Color Emoji"';
/** Monospace stack, with CJK monospace fallbacks. */
export const MONO =
  '"DejaVu Sans Mono", "Noto Sans Mono", "Noto Sans Mono CJK SC", "Noto Sans Mono CJK JP", Menlo, Consolas, "Liberation Mono", monospace';

/**
 * The type scale, in ems of the body size: a major third (×1.25) from h4 up, so headings step
 * evenly, as in Marp's default theme, with the body sized for a 16:9 slide seen across a room.
 */
const HEADING_SIZES = { h1: 1.95, h2: 1.56, h3: 1.25, h4: 1.1, h5: 1, h6: 0.9 } as const;
/** Body text of a 1280×720 slide, in px: about 60 characters to a line, 12 lines to a slide. */
export const BODY_PX = 36;

function headingCss(tag: keyof typeof HEADING_SIZES, style: HeadingStyle, sheet: StyleSheet): string {
  const decls = textStyleCss(style, sheet.page);
  const underline = style.underlineChar ? `;border-bottom:3px solid ${cssColor(style.fg) ?? 'currentColor'};padding-bottom:.15em` : '';
  return `.slide ${tag}{font-size:${HEADING_SIZES[tag]}em${decls ? `;${decls}` : ''}${underline}}`;
}

/** The page's fixed style sheet for a theme and layout (the collected classes come after it). */
export function pageCss(theme: Theme, sheet: StyleSheet, layout: HtmlLayout): string {
  const { page } = sheet;
  const s = (style: Parameters<StyleSheet['classForStyle']>[0]) => textStyleCss(style, page);
  const accent = cssColor(theme.headings.h1.fg) ?? cssColor(theme.link.fg) ?? page.text;
  const codeBg = cssColor(theme.code.block.bg) ?? page.background;
  const border = cssColor(theme.table.border.fg) ?? cssColor(theme.rule.fg) ?? page.text;
  const alerts = (Object.keys(theme.alerts) as (keyof Theme['alerts'])[])
    .map((kind) => {
      const color = cssColor(theme.alerts[kind].fg) ?? accent;
      return `.slide .alert-${kind}{border-left-color:${color}}.alert-${kind} .alert-title{${s(theme.alerts[kind])}}`;
    })
    .join('\n');

  const common = `
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;padding:0}
body{background:${page.background};color:${page.text};font-family:${SANS};-webkit-print-color-adjust:exact;print-color-adjust:exact}
.box{width:1280px;height:720px}
.slide{position:relative;width:1280px;height:720px;overflow:hidden;background:${page.background};color:${page.text};font-family:${SANS};font-size:${BODY_PX}px;line-height:1.4;${s(theme.text)}}
.slide>.content{position:absolute;left:76px;right:76px;top:56px;bottom:64px;overflow:hidden;display:flex;flex-direction:column}
.slide>.content>.upper,.slide>.content>.lower{flex:none}
.slide .b{margin:0 0 .5em}
.slide h1,.slide h2,.slide h3,.slide h4,.slide h5,.slide h6{line-height:1.18;margin:0 0 .45em;letter-spacing:-.01em}
${(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((h) => headingCss(h, theme.headings[h], sheet)).join('\n')}
.al-center{text-align:center}.al-right{text-align:right}
.slide strong{${s(theme.strong)}}
.slide em{${s(theme.emphasis)}}
.slide s{${s(theme.strike)}}
.slide code{font-family:${MONO};font-size:.85em;padding:0 .2em;border-radius:4px;${s(theme.inlineCode)}}
.slide a,.slide .link-blocked{${s(theme.link)}}
.slide blockquote{margin-left:0;padding:.1em 0 .1em .8em;border-left:5px solid ${cssColor(theme.quote.fg) ?? border};${s(theme.quote)}}
.slide .alert{padding:.3em .8em;border-left:6px solid ${accent}}
.slide .alert-title{margin:0 0 .2em}
${alerts}
.slide ul,.slide ol{list-style:none;padding:0 0 0 1.3em}
.slide li{position:relative;margin:.22em 0}
.slide li>.mk{position:absolute;left:-1.3em;width:1.2em;text-align:left;white-space:nowrap;${s(theme.list.marker)}}
.slide ol>li>.mk{left:-1.8em;width:1.7em;text-align:right;padding-right:.3em}
.slide ol{padding-left:1.8em}
.slide .li>*{margin:0}
.slide pre.code{font-family:${MONO};font-size:.7em;line-height:1.4;padding:.5em .8em .5em .35em;border-radius:8px;white-space:pre;overflow:visible;background:${codeBg};${s(theme.code.block)}}
.slide pre.code code{font-size:1em;padding:0;background:transparent;color:inherit;font-family:inherit}
.slide pre.code .cl{display:inline-block;min-width:100%;padding-left:.45em}
.slide pre.code .hl{${s(theme.code.highlightLine)};box-shadow:inset .22em 0 0 ${cssColor(theme.code.highlightMarker.fg) ?? accent}}
.slide pre.code .ln{display:inline-block;margin-right:1em;user-select:none;${s(theme.code.lineNumber)}}
.slide table{border-collapse:collapse;font-size:.85em}
.slide th,.slide td{border:1px solid ${border};padding:.2em .6em;text-align:left}
.slide th{${s(theme.table.header)}}
.slide .ta-center{text-align:center}.slide .ta-right{text-align:right}
.slide hr{border:0;border-top:2px solid ${cssColor(theme.rule.fg) ?? border};width:100%}
.slide figure{margin:0 0 .45em}
.slide img{max-width:100%;max-height:440px;object-fit:contain}
.slide figure img{min-height:3em}
.slide p img,.slide li img,.slide td img{height:1.1em;vertical-align:-.2em}
.slide .img-missing{${s(theme.image)}}
.slide .raw{white-space:pre-wrap;font-family:${MONO};font-size:.75em}
.slide .cols{display:grid;gap:1.2em}
.slide .future{visibility:hidden}
.slide>.slide-footer{position:absolute;left:76px;right:76px;bottom:16px;display:flex;justify-content:space-between;font-size:16px;${s(theme.footer.text)}}
.notes,.cites{font-size:16px;line-height:1.45}
.cites ol.sources{padding-left:1.4em;margin:.3em 0}
.cites cite{font-style:normal;font-family:${MONO};font-size:.9em}
.cites q{font-style:italic}
.speaker,.help{display:none}
`;

  if (layout === 'present') {
    return `${common}
html,body{height:100%;overflow:hidden}
.deck{position:fixed;inset:0;overflow:hidden}
.box{display:none;position:absolute;left:0;top:0;transform-origin:0 0}
.box.current{display:block}
.box>.notes,.box>.cites{display:none}
body.speaker-on .deck{display:none}
body.speaker-on .speaker{display:grid;position:fixed;inset:0;grid-template-columns:minmax(0,1.35fr) minmax(0,1fr);grid-template-rows:auto minmax(0,1fr) minmax(0,1fr);grid-template-areas:"bar bar" "now notes" "next notes";gap:10px;padding:10px;background:#15161c;color:#e8e8ee;font-family:${SANS}}
@media (max-aspect-ratio:1/1){body.speaker-on .speaker{grid-template-columns:minmax(0,1fr);grid-template-rows:auto minmax(0,1fr) minmax(0,1fr) minmax(0,.45fr);grid-template-areas:"bar" "now" "next" "notes"}}
.speaker .sp-bar{grid-area:bar;display:flex;align-items:center;gap:12px;flex-wrap:wrap;font-size:16px}
.speaker .sp-timer{font-family:${MONO};font-size:34px;font-weight:700;min-width:5.5ch}
.speaker .sp-timer.over{color:#ff6b6b}
.speaker .sp-timer.paused{color:#f9e2af}
.speaker .sp-clock{font-family:${MONO};font-size:22px;color:#c8c8d0}
.speaker .sp-pos{margin-left:auto;color:#c8c8d0}
.speaker .sp-status{color:#f9e2af}
.speaker button{font:inherit;font-size:14px;color:#e8e8ee;background:#2a2b36;border:1px solid #555;border-radius:6px;padding:4px 10px;cursor:pointer}
.speaker button[aria-pressed="true"]{background:#f9e2af;color:#15161c}
.speaker .sp-now{grid-area:now}
.speaker .sp-next{grid-area:next}
.speaker .sp-now,.speaker .sp-next{display:flex;flex-direction:column;min-height:0;min-width:0}
.speaker .sp-frame{position:relative;flex:1 1 auto;min-height:0;overflow:hidden}
.speaker .sp-frame>.slide{position:absolute;left:0;top:0;transform-origin:0 0;outline:1px solid #444}
.speaker .sp-frame>.sp-end{display:flex;align-items:center;justify-content:center;height:100%;color:#9aa;font-size:20px;border:1px dashed #444}
.speaker .sp-side{grid-area:notes;display:flex;flex-direction:column;gap:6px;min-height:0}
.speaker .sp-label{flex:none;font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:#9aa;margin-bottom:4px}
.speaker .sp-notes{flex:1 1 auto;min-height:0;overflow-y:auto;font-size:22px;line-height:1.45;padding-right:6px}
.speaker .sp-notes p{margin:0 0 .55em}
.speaker .sp-notes:empty::before{content:"No notes for this slide.";color:#777}
.speaker .sp-sources{flex:0 1 auto;max-height:32%;overflow-y:auto;font-size:15px;color:#c8c8d0}
.speaker .sp-sources:empty{display:none}
.speaker .sp-sources cite{font-family:${MONO};font-style:normal;color:#9ecbff}
.blank{display:none}
body.blanked .blank{display:block;position:fixed;inset:0;background:#000;z-index:5;cursor:none}
body.speaker-on .blank{display:none}
body.overview{overflow:auto}
body.overview .deck{position:static;display:grid;grid-template-columns:repeat(auto-fill,336px);gap:16px;padding:16px;overflow:visible}
body.overview .box{display:block;position:relative;width:320px;height:180px;overflow:hidden;cursor:pointer;outline:1px solid #555}
body.overview .box>.slide{transform:scale(.25);transform-origin:0 0}
body.overview .box.current{outline:4px solid ${accent}}
body.overview .future{visibility:visible}
body.overview .speaker{display:none}
.help:not([hidden]){display:block;position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);z-index:10;background:#15161c;color:#eee;padding:1em 1.5em;border-radius:8px;border:1px solid #444;font-size:16px;line-height:1.6;max-height:90vh;overflow:auto}
.help table{border-collapse:collapse}.help td{padding:.1em .8em .1em 0;vertical-align:top}.help kbd{font-family:${MONO};background:#2a2b36;border-radius:4px;padding:0 .3em}
@media print{
  @page{size:1280px 720px;margin:0}
  html,body{height:auto;overflow:visible}
  .deck{position:static}
  body .box{display:block;position:relative;transform:none!important;break-after:page;overflow:hidden}
  body .box:last-child{break-after:auto}
  .slide .future{visibility:visible}
  .speaker,.help,.blank{display:none!important}
}
`;
  }
  if (layout === 'print') {
    return `${common}
@page{size:1280px 720px;margin:0}
.box{position:relative;overflow:hidden;break-after:page}
.box:last-child{break-after:auto}
.box>.notes,.box>.cites{display:none}
`;
  }
  return `${common}
@page{size:A4 portrait;margin:0}
body{background:#ffffff;color:#1f2430}
.box{width:210mm;height:297mm;padding:12mm 14mm;overflow:hidden;display:flex;flex-direction:column;gap:4mm;break-after:page;background:#ffffff;color:#1f2430}
.box:last-child{break-after:auto}
.box>.handout-head{display:flex;justify-content:space-between;font-size:12px;color:#555;border-bottom:1px solid #ccc;padding-bottom:2mm}
.box>.thumb{flex:none;width:640px;height:360px;margin:0 auto;overflow:hidden;position:relative;border:1px solid #bbb}
.box>.thumb>.slide{transform:scale(.5);transform-origin:0 0;position:absolute;left:0;top:0}
.box>.handout-text{flex:1 1 auto;min-height:0;overflow:hidden;font-size:15px;line-height:1.45}
.handout-text h2{font-size:1.05em;margin:.6em 0 .2em;color:#333}
.handout-text .notes p,.handout-text .notes ul,.handout-text .notes ol{margin:0 0 .5em}
.handout-text pre{white-space:pre-wrap;font-family:${MONO};font-size:.85em}
.handout-text code{font-family:${MONO}}
`;
}

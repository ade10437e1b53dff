// The report's only style sheet, inlined in the page: no font, image or file is fetched, so the
// page looks the same from an e-mail on an offline office PC. Printed on A4 landscape, each section
// on a page of its own, a table's header repeated on every page it runs over.
import type { Light } from '../core/lights.js';

/** The lights' colours: the word always stands beside them (never colour alone). */
export const lightColours: Record<Light, string> = { red: '#c5221f', yellow: '#f9ab00', green: '#188038', grey: '#80868b' };

/** Text on white that keeps the yellow legible. */
const lightInk: Record<Light, string> = { red: '#c5221f', yellow: '#8a5a00', green: '#188038', grey: '#5f6368' };

const perLight = (make: (light: Light) => string): string => (Object.keys(lightColours) as Light[]).map(make).join('\n');

export const reportCss = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1160px; padding: 16px 20px; color: #202124; font-size: 13px; line-height: 1.5;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif; }
header.masthead { border-bottom: 3px solid #c5221f; margin-bottom: 12px; padding-bottom: 6px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 17px; border-bottom: 1px solid #202124; padding-bottom: 2px; margin: 0 0 10px; break-after: avoid; }
h3 { font-size: 14px; margin: 14px 0 6px; break-after: avoid; }
.meta { margin: 0; color: #5f6368; overflow-wrap: anywhere; }
section { margin: 0 0 28px; }
p.brief { font-size: 14px; text-align: justify; margin: 0 0 12px; overflow-wrap: anywhere; }
html[lang="zh-CN"] p.brief { text-indent: 2em; }
.light-boxes { display: flex; gap: 12px; flex-wrap: wrap; }
.light-box { flex: 1 1 0; min-width: 120px; border: 1px solid #dadce0; border-left-width: 10px; padding: 6px 10px; }
.light-box .count { display: block; font-size: 26px; font-weight: 700; line-height: 1.2; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 8px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #dadce0; padding: 4px 6px; vertical-align: middle; text-align: left; overflow-wrap: anywhere; }
th { background: #f1f3f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.light { display: inline-flex; align-items: center; gap: 5px; font-weight: 600; }
.light-dot { display: inline-block; width: 14px; height: 14px; border-radius: 50%; flex: none; }
.bar { position: relative; height: 12px; margin: 3px 0; background: #e8eaed; }
.bar-fill { position: absolute; left: 0; top: 0; bottom: 0; }
.bar-pace { position: absolute; top: -3px; bottom: -3px; width: 2px; margin-left: -1px; background: #202124; }
.bar-text { display: block; font-size: 11px; color: #5f6368; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; }
figure.chart { margin: 0; border: 1px solid #dadce0; padding: 6px 8px; break-inside: avoid; }
figure.chart figcaption { font-size: 12px; font-weight: 600; overflow-wrap: anywhere; }
figure.chart svg { display: block; width: 100%; height: auto; }
.legend { font-size: 11px; color: #5f6368; margin: 0; overflow-wrap: anywhere; }
.legend-pace { display: inline-block; width: 18px; border-top: 2px dashed #5f6368; vertical-align: middle; }
.note { color: #5f6368; }
footer { border-top: 1px solid #dadce0; margin-top: 16px; padding-top: 6px; font-size: 11px; color: #5f6368; overflow-wrap: anywhere; }
${perLight((light) => `.light.${light} { color: ${lightInk[light]}; }\n.light.${light} .light-dot, .bar-fill.${light} { background: ${lightColours[light]}; }\n.light-box.${light} { border-left-color: ${lightColours[light]}; }\n.light-box.${light} .word { color: ${lightInk[light]}; font-weight: 600; }`)}
.bar-fill.neutral { background: #1a73e8; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  section { break-before: page; margin: 0; }
  section:first-of-type { break-before: auto; }
  header.masthead { margin-bottom: 8px; }
}
`;

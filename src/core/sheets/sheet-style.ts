import type { SheetPaper } from '../../shared/sheets.js';

const PAGE_SIZE: Record<SheetPaper, string> = { a4: 'A4', letter: 'letter' };

/**
 * The sheet's only style sheet: black on white (no greys a printer might dither
 * away), sized in millimetres and points, a page box for A4 or US Letter, and no
 * page break inside a code grid, a QR code or an account's heading.
 * `footer` is a plain ASCII/Latin text (the date), never user data.
 */
export function sheetStyle(paper: SheetPaper, footer: string): string {
  return `
*{box-sizing:border-box}
html{color:#000;background:#fff;font-family:"Helvetica Neue",Helvetica,Arial,"Liberation Sans","DejaVu Sans",sans-serif;font-size:10pt;line-height:1.35;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
@page{size:${PAGE_SIZE[paper]};margin:14mm 14mm 16mm 14mm;
  @bottom-left{content:"${footer}";font-size:8pt}
  @bottom-right{content:"page " counter(page) " of " counter(pages);font-size:8pt}}
@media screen{body{max-width:186mm;margin:8mm auto;padding:0 6mm}}
h1,h2,h3,h4,p{margin:0}
.mono,.code,.secret{font-family:"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
.doc-head{padding-bottom:1mm}
.doc-head h1{font-size:17pt;line-height:1.2}
.doc-meta{margin-top:1mm;font-size:10pt}
.notice{margin-top:3mm;border:0.4mm solid #000;padding:2mm 3mm;font-size:9.5pt}
.account{margin-top:7mm;padding-top:3mm;border-top:0.8mm solid #000}
.lead,.account-head{break-inside:avoid;page-break-inside:avoid}
.account-head h2{font-size:16pt;line-height:1.2}
.account-head p{margin-top:0.8mm;font-size:10.5pt}
.url{overflow-wrap:anywhere}
.block{margin-top:4mm;break-inside:avoid;page-break-inside:avoid}
.block h3{font-size:10pt;text-transform:uppercase;letter-spacing:0.04em;border-bottom:0.3mm solid #000;padding-bottom:0.6mm;margin-bottom:2mm;break-after:avoid;page-break-after:avoid}
.block h3 .aside{text-transform:none;letter-spacing:0;font-weight:normal}
.seed-body{display:flex;gap:6mm;align-items:flex-start}
.qr{flex:none;width:42mm;height:42mm;border:0.3mm solid #000}
.qr svg{display:block;width:100%;height:100%}
.seed-text p+p{margin-top:2mm}
.secret{font-size:12.5pt;font-weight:bold;overflow-wrap:anywhere;word-spacing:0.15em}
.code-grid{list-style:none;margin:0;padding:0;display:grid;gap:0;border-top:0.25mm solid #000;border-left:0.25mm solid #000}
.cols-3{grid-template-columns:repeat(3,1fr)}
.cols-2{grid-template-columns:repeat(2,1fr)}
.cols-1{grid-template-columns:1fr}
.code-grid li{display:flex;align-items:center;gap:2.5mm;padding:1.8mm 2.2mm;border-right:0.25mm solid #000;border-bottom:0.25mm solid #000;min-width:0}
.box{flex:none;width:4.2mm;height:4.2mm;border:0.35mm solid #000}
.num{flex:none;min-width:5.5mm;text-align:right;font-size:8pt}
.code{font-size:12pt;letter-spacing:0.02em;overflow-wrap:anywhere}
.used{margin-top:2.5mm}
.used h4{font-size:9pt}
.used ul{margin:1mm 0 0;padding-left:5mm;font-size:9pt}
.used s{font-family:"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
.plain{margin:0;padding-left:5mm}
.plain li+li{margin-top:0.8mm}
dl{margin:0}
dt{font-weight:bold;margin-top:1.5mm}
dt:first-child{margin-top:0}
dd{margin:0.5mm 0 0 5mm}
.notes-block{break-inside:auto;page-break-inside:auto}
.notes{white-space:pre-wrap;overflow-wrap:anywhere}
.empty{font-style:italic}
`.trim();
}

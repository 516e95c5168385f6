/** The style sheet of the HTML progress report (./html.ts): CJK fonts first, A4 print rules. */
export const COMPARE_CSS = `
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",SimSun,"PingFang SC",sans-serif;font-size:10.5pt;line-height:1.6;color:#1f2328;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:190mm;padding:10mm 6mm 16mm}
h1,h2,h3{line-height:1.3;color:#1f4e8c;margin:1.2em 0 .5em}
h1{font-size:20pt}h2{font-size:14pt;border-bottom:2px solid #1f4e8c;padding-bottom:3px}h3{font-size:12pt}
p{margin:.4em 0 .6em}.quiet{color:#59636e;font-size:9pt}
.callout{border-left:4px solid #1f4e8c;background:#f6f8fa;padding:6px 10px;margin:.6em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:9.5pt}
th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:#e8eef6}thead{display:table-header-group}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr{page-break-inside:avoid}
@page{size:A4;margin:18mm 16mm}
@media print{body{max-width:none;padding:0}h2,h3{page-break-after:avoid}}
`;

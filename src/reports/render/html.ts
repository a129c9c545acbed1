/**
 * A report as one self-contained HTML document: inline CSS in the workspace's colour, charts as
 * inline SVG, the logo as a data: URL, no script and no outside resource (its Content-Security-Policy
 * forbids both). Every interpolated string is escaped.
 */
import { DEFAULT_COLOUR } from '../branding/branding.service.js';
import { formatDelta, formatPeriod, formatValue } from '../model/format.js';
import type { Cell, ReportFigure, ReportModel, ReportQuote, ReportSection, ReportTable } from '../model/report-model.js';
import { chartSvg } from './charts.js';
import { escapeHtml as e, safeColour, safeHref, safeImageDataUrl } from './escape.js';

function styles(colour: string): string {
  return `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #1f2328; margin: 0; padding: 24px; font-size: 12px; line-height: 1.45; }
@media print { body { padding: 0; } }
header.report { display: flex; align-items: center; gap: 16px; border-bottom: 4px solid ${colour}; padding-bottom: 12px; margin-bottom: 16px; }
header.report img { max-height: 48px; max-width: 160px; }
header.report h1 { margin: 0; font-size: 22px; color: ${colour}; }
header.report .meta { color: #57606a; }
h2 { font-size: 16px; color: ${colour}; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin: 20px 0 10px; break-after: avoid; }
h3 { font-size: 13px; margin: 12px 0 6px; break-after: avoid; }
ul.summary { padding-left: 18px; margin: 0 0 8px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; }
.figure { border: 1px solid #d0d7de; border-left: 4px solid ${colour}; border-radius: 4px; padding: 8px 10px; break-inside: avoid; }
.figure .name { font-weight: bold; }
.figure .value { font-size: 20px; font-weight: bold; margin: 2px 0; }
.figure .delta.good { color: #1a7f37; } .figure .delta.bad { color: #cf222e; } .figure .delta { color: #57606a; }
.figure .formula, .figure .ref, .figure .note { font-size: 10px; color: #57606a; margin-top: 4px; }
.figure .note { color: #9a6700; }
.chart { break-inside: avoid; margin: 10px 0; }
.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 11px; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr { break-inside: avoid; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.source { font-size: 10px; color: #57606a; }
blockquote { margin: 6px 0; padding: 6px 10px; border-left: 3px solid ${colour}; background: #f6f8fa; break-inside: avoid; }
blockquote .by { font-size: 10px; color: #57606a; margin-top: 2px; }
section.methodology { break-before: page; font-size: 11px; }
section.methodology code { white-space: pre-wrap; word-break: break-word; }
.leadership .figures { grid-template-columns: repeat(4, 1fr); }
.leadership .figure .formula { display: none; }
`;
}

const isNumber = (cell: Cell): boolean => typeof cell === 'number';

function cellHtml(cell: Cell, column: string): string {
  if (column === 'link' && typeof cell === 'string') {
    const href = safeHref(cell);
    return href === null ? e(cell) : `<a href="${href}">link</a>`;
  }
  return e(typeof cell === 'number' ? cell.toLocaleString('en-US') : cell);
}

function tableHtml(table: ReportTable): string {
  const head = table.columns.map((column) => `<th>${e(column)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${isNumber(cell) ? ' class="number"' : ''}>${cellHtml(cell, table.columns[i] ?? '')}</td>`).join('')}</tr>`)
    .join('');
  return `<h3>${e(table.title)}</h3>${
    table.rows.length === 0 ? `<p class="source">${e(table.note ?? 'Nothing in the period.')}</p>` : `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
  }<p class="source">Source: ${e(table.ref)}</p>`;
}

function deltaClass(figure: ReportFigure): string {
  if (figure.delta === null || figure.delta === 0 || figure.higherIsBetter === null) {
    return 'delta';
  }
  return (figure.delta > 0) === figure.higherIsBetter ? 'delta good' : 'delta bad';
}

function figureHtml(figure: ReportFigure): string {
  const breakdown =
    figure.breakdown.length > 0 && figure.breakdown.length <= 4 && figure.unit !== 'count'
      ? `<div class="ref">${figure.breakdown.map((part) => `${e(part.label)}: ${e(part.value === null ? 'n/a' : part.value.toLocaleString('en-US'))}`).join(' · ')}</div>`
      : '';
  return `<div class="figure">
<div class="name">${e(figure.name)}</div>
<div class="value">${e(formatValue(figure.value, figure.unit))}</div>
<div class="${deltaClass(figure)}">vs previous ${e(formatValue(figure.previous, figure.unit))}: ${e(formatDelta(figure.delta))}</div>
${breakdown}
<div class="formula">${e(figure.formula)}</div>
<div class="ref">${e(figure.ref)} · ${e(figure.count.toLocaleString('en-US'))} items (previous ${e(figure.previousCount.toLocaleString('en-US'))})</div>
${figure.note === null ? '' : `<div class="note">${e(figure.note)}</div>`}
</div>`;
}

function quoteHtml(quote: ReportQuote): string {
  const href = safeHref(quote.url);
  const who = quote.author === null ? 'unknown author' : `@${quote.author}`;
  const link = href === null ? '' : ` · <a href="${href}">open</a>`;
  return `<blockquote><div>${e(quote.text)}</div><div class="by">${e(quote.kind)} · ${e(who)} on ${e(quote.network)}, ${e(quote.createdAt.slice(0, 10))} · engagement ${e(quote.engagement)}${link}</div></blockquote>`;
}

function sectionHtml(section: ReportSection): string {
  return `<section class="section" id="${e(section.id)}">
<h2>${e(section.title)}</h2>
<div class="figures">${section.figures.map(figureHtml).join('\n')}</div>
${section.charts.map((chart) => `<div class="chart"><h3>${e(chart.title)}</h3>${chartSvg(chart.option)}<p class="source">Source: ${e(chart.refs.join(', '))}</p></div>`).join('\n')}
${section.tables.map(tableHtml).join('\n')}
${section.quotes.length === 0 ? '' : `<h3>What people said</h3>${section.quotes.map(quoteHtml).join('\n')}`}
</section>`;
}

function methodologyHtml(model: ReportModel): string {
  const m = model.methodology;
  const list = (items: string[]): string => (items.length === 0 ? '<p>None.</p>' : `<ul>${items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`);
  return `<section class="methodology">
<h2>Methodology</h2>
${list(m.statement)}
<h3>Sources covered</h3>
${list(m.sourcesCovered.map((source) => `${source.kind}: ${source.name} (${source.itemsStored.toLocaleString('en-US')} items stored, ${source.status})`))}
<h3>Networks seen in the period</h3>
${list(m.networksSeen.map((network) => `${network.network}: ${network.mentions.toLocaleString('en-US')} mentions`))}
<h3>Not covered</h3>
${list(m.notCovered)}
<h3>Saved queries (version = last change)</h3>
${
  m.queries.length === 0
    ? '<p>No saved query.</p>'
    : `<table><thead><tr><th>name</th><th>tag</th><th>query</th><th>version</th></tr></thead><tbody>${m.queries
        .map((query) => `<tr><td>${e(query.name)}</td><td>${e(query.tag)}</td><td><code>${e(query.query)}</code></td><td>${e(query.version)}</td></tr>`)
        .join('')}</tbody></table>`
}
<h3>Formulas</h3>
<table><thead><tr><th>figure</th><th>formula</th><th>inputs</th><th>items</th><th>items (previous)</th></tr></thead><tbody>${m.formulas
    .map((formula, i) => {
      const count = m.counts[i];
      return `<tr><td>${e(formula.name)}<br><span class="source">${e(formula.ref)}</span></td><td>${e(formula.formula)}</td><td>${e(formula.inputs.join(', '))}</td><td class="number">${e(count?.count ?? 0)}</td><td class="number">${e(count?.previousCount ?? 0)}</td></tr>`;
    })
    .join('')}</tbody></table>
<h3>Known gaps</h3>
${list(m.gaps)}
</section>`;
}

export function renderHtml(model: ReportModel): string {
  const colour = safeColour(model.branding.colour, DEFAULT_COLOUR);
  const logo = safeImageDataUrl(model.branding.logoDataUrl);
  const period = formatPeriod(model.period, model.workspace.timeZone);
  const previous = formatPeriod(model.previousPeriod, model.workspace.timeZone);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${model.title} — ${model.workspace.name} — ${period}`)}</title>
<style>${styles(colour)}</style>
</head>
<body class="${e(model.template)}">
<header class="report">
${logo === null ? '' : `<img src="${e(logo)}" alt="logo">`}
<div>
<h1>${e(model.title)}</h1>
<div class="meta">${e(model.workspace.name)} · for ${e(model.audience)} · ${e(period)}</div>
<div class="meta">Compared with ${e(previous)} · generated ${e(model.generatedAt.slice(0, 16).replace('T', ' '))} UTC</div>
</div>
</header>
<ul class="summary">${model.summary.map((line) => `<li>${e(line)}</li>`).join('')}</ul>
${model.sections.map(sectionHtml).join('\n')}
${methodologyHtml(model)}
</body>
</html>
`;
}

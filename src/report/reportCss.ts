/**
 * The report's styles, for the screen and for print (A4, page numbers added by the PDF writer). The
 * fonts listed first are Debian's fonts-noto-cjk, so that Chinese prints on a machine with nothing else.
 */
export function reportCss(): string {
  return `
:root { color-scheme: light; }
body {
  font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", "Noto Sans", sans-serif;
  color: #1f2328; line-height: 1.7; max-width: 50rem; margin: 2rem auto; padding: 0 1.25rem; font-size: 15px;
}
h1, h2, h3, h4 { line-height: 1.35; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; border-bottom: 2px solid #2f5d8a; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; color: #2f5d8a; }
h4 { font-size: 1rem; margin: 1.25rem 0 .35rem; }
.cover { border-bottom: 1px solid #d0d7de; padding-bottom: 1rem; margin-bottom: 1rem; }
.cover .period, .cover .filters { color: #57606a; margin: .2rem 0; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: .15rem 0; }
.toc li.depth-2 { padding-left: 1.5rem; font-size: .95em; }
.toc li.depth-3 { padding-left: 3rem; font-size: .9em; }
.toc a { color: inherit; text-decoration: none; }
.toc a:hover { text-decoration: underline; }
figure { margin: 1.25rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .9em; color: #57606a; margin-top: .3rem; }
.event h4 .no { color: #2f5d8a; }
.event .date { color: #57606a; margin: 0 0 .25rem; }
.event .label { font-weight: 600; }
.event .correction { border-left: 3px solid #bf8700; background: #fff8e5; padding: .3rem .6rem; margin: .5rem 0; }
.event .correction .meta { color: #57606a; font-size: .9em; overflow-wrap: anywhere; }
sup.fn a { text-decoration: none; }
.notes { font-size: .82em; color: #444c56; border-top: 1px solid #d8dee4; margin: .5rem 0 1rem; padding: .35rem 0 0 1.75rem; }
.notes li { overflow-wrap: anywhere; }
.data-table { border-collapse: collapse; font-size: .78em; margin: .5rem 0; }
.data-table td { border: 1px solid #d0d7de; padding: .15rem .35rem; vertical-align: top; }
a { color: #0b5cad; }
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .notes a, .correction a { color: #0b5cad; }
  .event .correction { break-inside: avoid; page-break-inside: avoid; }
  .toc { break-after: page; page-break-after: always; }
  .chronicle { break-before: page; page-break-before: always; }
  .month h3 { break-after: avoid; }
}
`;
}

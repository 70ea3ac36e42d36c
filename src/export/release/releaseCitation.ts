/** What a release's citation says: no author is named (aigov's data has none to name), only its publisher. */
export interface ReleaseCitationInput {
  version: string;
  /** The release's creation instant (ISO 8601): its issued date is that day, in UTC. */
  createdAt: string;
  /** The release's stable URL, `${baseUrl}/releases/VERSION/`. */
  url: string;
  licence: { name: string; url: string };
}

/** The title a release is cited by. */
export const RELEASE_TITLE = "aigov: sourced events of AI governance, instruments and obligations";

const citationKey = (version: string) => `aigov-${version}`;

/** `CITATION.json`: the release as a CSL-JSON item of type dataset (an array of one, as CSL-JSON files are). */
export function citationCsl(input: ReleaseCitationInput): string {
  const [year, month, day] = input.createdAt.slice(0, 10).split("-").map(Number);
  const item = {
    id: citationKey(input.version),
    type: "dataset",
    title: RELEASE_TITLE,
    version: input.version,
    issued: { "date-parts": [[year, month, day]] },
    publisher: "aigov",
    URL: input.url,
    note: `Data licensed under ${input.licence.name}: ${input.licence.url}`,
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * `CITATION.bib`: the release as a BibTeX `@misc` entry (read by BibTeX and biblatex alike; biblatex's
 * `@dataset` is not known to BibTeX styles). The month is a macro, the URL in `url` and `howpublished`.
 */
export function citationBibtex(input: ReleaseCitationInput): string {
  const [year, month] = input.createdAt.slice(0, 7).split("-");
  const lines = [
    `@misc{${citationKey(input.version)},`,
    `  title        = {{${RELEASE_TITLE}}},`,
    `  publisher    = {aigov},`,
    `  version      = {${input.version}},`,
    `  year         = {${year}},`,
    `  month        = ${MONTHS[Number(month) - 1]},`,
    `  url          = {${input.url}},`,
    `  howpublished = {\\url{${input.url}}},`,
    `  note         = {Dataset, release ${input.version}. Data licensed under ${input.licence.name}},`,
    `}`,
  ];
  return `${lines.join("\n")}\n`;
}

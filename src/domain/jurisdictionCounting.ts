/**
 * The one rule by which aigov counts events per jurisdiction, on every page, chart, facet, profile and
 * report: an event counts for each jurisdiction it names, and for the country of each state or province
 * it names (an event of US-CA counts for California and for the United States, once); an event of a
 * bloc or body (the EU, the UN) counts for that bloc alone, not for its member states.
 */
export function countedJurisdictions(codes: readonly string[]): string[] {
  const counted = new Set<string>();
  for (const code of codes) {
    counted.add(code);
    const dash = code.indexOf("-");
    if (dash > 0) counted.add(code.slice(0, dash));
  }
  return [...counted];
}

/** Whether `code` is `of` itself or one of its states or provinces (US-CA is within US; US is not within US-CA). */
export function isWithin(code: string, of: string): boolean {
  return code === of || code.startsWith(`${of}-`);
}

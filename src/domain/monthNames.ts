// Pure (no zod, no Node): the browser bundle formats dates with it too.

/** The English names of the months, January first: one list for reports, pages and the importer. */
export const MONTH_NAMES_EN: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

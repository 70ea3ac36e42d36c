// Characters XML 1.0 does not allow anywhere in a document (https://www.w3.org/TR/xml/#charsets): C0
// controls other than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF. A strict XML
// reader (a feed reader, Word) refuses a whole document for one of them, so they are removed, not escaped
// (XML 1.0 has no escape for them: "&#0;" is as invalid as the character).
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text from the data made fit for an XML (or HTML) document: characters XML 1.0 forbids removed. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, "");
}

/** Whether a text holds a character XML 1.0 forbids (for tests and checks). */
export function hasXmlInvalid(text: string): boolean {
  XML_INVALID.lastIndex = 0;
  const found = XML_INVALID.test(text);
  XML_INVALID.lastIndex = 0;
  return found;
}

/**
 * A copy of a plain value (objects, arrays, strings) with xmlText applied to every string in it, for a
 * writer such as the DOCX one whose library builds the XML from many texts: cleaned once at the door,
 * none can be missed.
 */
export function xmlTextIn<T>(value: T): T {
  if (typeof value === "string") return xmlText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => xmlTextIn(item)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlTextIn(item)])) as T;
  return value;
}

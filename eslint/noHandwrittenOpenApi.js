/**
 * Refuses an OpenAPI or JSON Schema fragment written by hand (issue 25, point 5): a schema object
 * (`{ type: "object", properties: … }`), a reference to a component (`{ $ref: "#/components/…" }`) or a
 * parameter or media type with its schema written in place (`{ schema: { … } }`). The document is
 * generated from the zod schemas the endpoints declare (src/http/openapi.ts), and a fragment written
 * beside them is one that can drift from what the API sends.
 */

const JSON_TYPES = new Set(["object", "array", "string", "integer", "number", "boolean", "null"]);

/** Keywords that make a `type` a JSON Schema type rather than some other kind of `type`. */
const SCHEMA_KEYWORDS = new Set([
  "properties",
  "items",
  "required",
  "additionalProperties",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "nullable",
]);

const keyOf = (property) =>
  property.type !== "Property"
    ? undefined
    : property.key.type === "Identifier"
      ? property.key.name
      : property.key.type === "Literal"
        ? String(property.key.value)
        : undefined;

/** A string written out in full: a literal, or a template literal with nothing interpolated. */
function writtenString(node) {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

export default {
  meta: {
    type: "problem",
    docs: { description: "The OpenAPI document is generated from zod schemas, never written by hand." },
    messages: {
      schema:
        "A JSON Schema written by hand: declare a zod schema (in domain/ or app/responses.ts) and let src/http/openapi.ts generate it.",
      ref: "A hand-written reference to '{{ref}}': name the zod schema among the components in src/http/openapi.ts, and the generator refers to it.",
      inPlace:
        "A schema written in place of a parameter or media type: declare the endpoint's query, body or answer as a zod schema (src/http/endpoint.ts).",
    },
    schema: [],
  },
  create(context) {
    return {
      ObjectExpression(node) {
        const properties = new Map(node.properties.map((p) => [keyOf(p), p]));
        const type = properties.get("type");
        const typeName = type && writtenString(type.value);
        // `type: ["string", "null"]` is JSON Schema whatever else is beside it.
        const typeList =
          type?.value.type === "ArrayExpression" &&
          type.value.elements.length > 0 &&
          type.value.elements.every((element) => element && JSON_TYPES.has(writtenString(element)));
        if (
          typeList ||
          (typeName && JSON_TYPES.has(typeName) && [...properties.keys()].some((k) => SCHEMA_KEYWORDS.has(k)))
        )
          context.report({ node, messageId: "schema" });
        const ref = properties.get("$ref");
        const target = ref && writtenString(ref.value);
        if (target?.startsWith("#/")) context.report({ node: ref, messageId: "ref", data: { ref: target } });
        const schema = properties.get("schema");
        if (schema?.value.type === "ObjectExpression") context.report({ node: schema, messageId: "inPlace" });
      },
    };
  },
};

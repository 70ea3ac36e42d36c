import { describe, it } from "node:test";
import { RuleTester } from "eslint";
import rule from "../../eslint/noHandwrittenOpenApi.js";

// The lint rule that keeps src/http/openapi.ts a generator (issue 25, point 5): the fragments the
// document was once partly written with are refused; the generator's own code is not.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

new RuleTester().run("aigov/no-handwritten-openapi", rule, {
  valid: [
    // The generator: refs built from a component's name, schemas from zod.
    "const ref = (name) => ({ $ref: `#/components/schemas/${name}` });",
    'const parameter = { name, in: "query", required: false, schema: standalone(field, "input") };',
    // Other kinds of `type`: a problem document's, a media type's.
    "const problem = { type: `/problems/${slug}`, title, status, detail };",
    'const media = { type: "text/csv", filename: "aigov-events.csv" };',
    'const event = { type: "law", title: "x" };',
  ],
  invalid: [
    {
      code: 'const CheckItemSchema = { type: "object", properties: { obligation: { type: "string" } }, required: ["obligation"] };',
      errors: [{ messageId: "schema" }],
    },
    {
      code: 'const DeadlineUrl = { type: ["string", "null"], description: "x" }; const Url = { type: "string", format: "uri" };',
      errors: [{ messageId: "schema" }, { messageId: "schema" }],
    },
    {
      code: 'const problem = { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };',
      errors: [{ messageId: "inPlace" }, { messageId: "ref" }],
    },
    {
      code: 'const id = { name: "id", in: "path", required: true, schema: { type: "string" } };',
      errors: [{ messageId: "inPlace" }],
    },
  ],
});

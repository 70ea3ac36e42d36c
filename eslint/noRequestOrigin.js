/**
 * Refuses an absolute URL built from the request (its Host or X-Forwarded-* headers, or the origin of its
 * URL). Pages are cached for everyone, so a forged Host would be served to every reader after it; absolute
 * links come from the configured base URL (AppServices.baseUrl()) instead.
 */

const ORIGIN_HEADERS = /^(host|x-forwarded-host|x-forwarded-proto|x-forwarded-port|forwarded)$/i;
const ORIGIN_PARTS = new Set(["origin", "host", "hostname", "protocol", "port", "href"]);

/** `c.req.url`, `request.url`, `req.url`, `c.req.raw.url`: the URL the client asked for. */
function isRequestUrl(node) {
  if (node.type !== "MemberExpression" || node.computed || node.property.name !== "url") return false;
  const owner = node.object;
  const name =
    owner.type === "Identifier" ? owner.name : owner.type === "MemberExpression" ? owner.property.name : "";
  return /^(req|request|raw)$/i.test(name);
}

/** `new URL(<request url>)` or `new URL(path, <request url>)`. */
function isUrlOfRequest(node) {
  return (
    node?.type === "NewExpression" &&
    node.callee.type === "Identifier" &&
    node.callee.name === "URL" &&
    node.arguments.some(isRequestUrl)
  );
}

export default {
  meta: {
    type: "problem",
    docs: { description: "Absolute URLs come from the configured base URL, never from the request." },
    messages: {
      header:
        "Reading the '{{name}}' header to build a URL trusts the client: build absolute URLs from the configured base URL (AppServices.baseUrl()).",
      part: "The request URL's '{{name}}' comes from the client's Host header: build absolute URLs from the configured base URL (AppServices.baseUrl()).",
      base: "A URL resolved against the request URL takes its origin from the client: resolve against the configured base URL (AppServices.baseUrl()).",
    },
    schema: [],
  },
  create(context) {
    // Names bound to `new URL(c.req.url)` in this file, so `asked.origin` is caught as well as the inline form.
    const requestUrls = new Set();
    const partOf = (node) => (node.computed ? node.property.value : node.property.name);
    return {
      VariableDeclarator(node) {
        if (node.id.type === "Identifier" && isUrlOfRequest(node.init)) requestUrls.add(node.id.name);
      },
      // c.req.header("host"), headers.get("x-forwarded-host")
      CallExpression(node) {
        const [first] = node.arguments;
        const callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.computed) return;
        if (!["header", "get"].includes(callee.property.name)) return;
        if (
          first?.type === "Literal" &&
          typeof first.value === "string" &&
          ORIGIN_HEADERS.test(first.value)
        ) {
          context.report({ node, messageId: "header", data: { name: first.value } });
        }
      },
      MemberExpression(node) {
        const name = partOf(node);
        // req.headers.host, req.headers["x-forwarded-proto"]
        if (
          node.object.type === "MemberExpression" &&
          partOf(node.object) === "headers" &&
          typeof name === "string" &&
          ORIGIN_HEADERS.test(name)
        ) {
          context.report({ node, messageId: "header", data: { name } });
          return;
        }
        if (!ORIGIN_PARTS.has(name)) return;
        const owner = node.object;
        const fromRequest =
          isUrlOfRequest(owner) ||
          isRequestUrl(owner) ||
          (owner.type === "Identifier" && requestUrls.has(owner.name));
        if (fromRequest) context.report({ node, messageId: "part", data: { name } });
      },
      // new URL("/x", c.req.url): an absolute URL on the client's origin.
      NewExpression(node) {
        if (isUrlOfRequest(node) && node.arguments.length > 1 && isRequestUrl(node.arguments[1])) {
          context.report({ node, messageId: "base" });
        }
      },
    };
  },
};

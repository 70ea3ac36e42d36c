import { escapeHtml, page } from "./html.js";

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema?: { type?: unknown; enum?: unknown[]; items?: { enum?: unknown[] } };
}
interface Operation {
  summary?: string;
  security?: Record<string, unknown>[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
}

/** A readable API reference, rendered from the OpenAPI document itself so that it cannot drift. */
export function apiReferencePage(document: Record<string, unknown>): string {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const sections = Object.entries(paths).map(([path, methods]) =>
    Object.entries(methods)
      .map(([method, op]) => {
        const params = (op.parameters ?? [])
          .map((p) => {
            const values = p.schema?.enum ?? p.schema?.items?.enum;
            return `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${escapeHtml(p.description ?? "")}${
              values
                ? `<br><span class="muted">${values.map((v) => escapeHtml(String(v))).join(" · ")}</span>`
                : ""
            }</td></tr>`;
          })
          .join("");
        const responses = Object.entries(op.responses ?? {})
          .map(
            ([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? "")}</li>`,
          )
          .join("");
        // An operation that names a security scheme takes an API token (the reference is English, as
        // the document it renders).
        const token = op.security?.some((requirement) => Object.keys(requirement).length > 0)
          ? `<p><strong>Needs an API token</strong>: <code>Authorization: Bearer TOKEN</code> (<code>aigov tokens create EMAIL</code>).</p>`
          : "";
        return `<h2><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary ?? "")}</p>${token}
${params ? `<table><tr><th>parameter</th><th>in</th><th>meaning</th></tr>${params}</table>` : ""}
<ul>${responses}</ul>`;
      })
      .join(""),
  );
  const info = document.info as { title: string; description: string };
  return page(
    `${info.title} reference`,
    "en",
    `<h1>${escapeHtml(info.title)}</h1><p>${escapeHtml(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457).</p>
${sections.join("\n")}`,
  );
}

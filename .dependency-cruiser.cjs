// The rooms of src/ and the one rule between them (src/README.md draws it): a room imports only rooms
// before it in ROOMS, and the four adapters (http, web, cli, mcp) never import each other. `npm run lint`
// runs it; tests (*.test.ts) may reach across rooms to set up what they check.
const ROOMS = [
  "domain",
  "reference",
  "storage",
  "import",
  "search",
  "report",
  "export",
  "obligations",
  "app",
  ["http", "web", "cli", "mcp"],
  "server",
];

// Shared by every room: the environment (config.ts) and the worker/child-process starters (runtime/).
const ANYWHERE = "^src/(config\\.ts|runtime/)";

// The one command that speaks MCP on its stdio: the one door from the CLI into mcp/.
const MCP_COMMAND = "^src/cli/commands/mcpCommand\\.ts$";

const later = (index) =>
  ROOMS.slice(index + 1)
    .flat()
    .join("|");

const orderRules = ROOMS.flatMap((room, index) =>
  [room].flat().map((name) => ({
    name: `${name}-imports-only-earlier-rooms`,
    comment: `${name}/ may import only rooms listed before it (.dependency-cruiser.cjs, ROOMS)`,
    severity: "error",
    from: { path: `^src/${name}/`, pathNot: "\\.test\\.ts$" },
    to: {
      path: `^src/(${later(index)})/`,
      // The serve command starts the composition root: the one door from an adapter into server/.
      pathNot: name === "cli" ? "^src/server/" : undefined,
    },
  })),
).filter((rule) => rule.to.path !== "^src/()/");

module.exports = {
  forbidden: [
    ...orderRules,
    {
      name: "adapters-apart",
      comment:
        "http/, web/, cli/ and mcp/ are four faces of app/: none imports another (but the mcp command starts mcp/)",
      severity: "error",
      from: { path: "^src/(http|web|cli|mcp)/", pathNot: ["\\.test\\.ts$", MCP_COMMAND] },
      to: { path: "^src/(http|web|cli|mcp)/", pathNot: "^src/$1/" },
    },
    {
      name: "the-mcp-command-reaches-only-mcp",
      comment: "the mcp command may start the MCP server (mcp/), and reaches no other adapter",
      severity: "error",
      from: { path: MCP_COMMAND },
      to: { path: "^src/(http|web)/" },
    },
    {
      name: "shared-code-stays-shared",
      comment: "config.ts and runtime/ are used by every room, so they import none of the adapters or app/",
      severity: "error",
      from: { path: ANYWHERE },
      to: { path: "^src/(app|http|web|cli|mcp|server)/" },
    },
    {
      name: "no-cycles",
      comment: "a module that imports itself through others has no place in the order of rooms",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "only-the-serve-command-starts-the-server",
      severity: "error",
      from: { path: "^src/cli/", pathNot: "^src/cli/commands/serveCommand\\.ts$" },
      to: { path: "^src/server/" },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
  },
};

// The layers of docs/architecture.md, checked on the code's own imports by `npm run depcheck`
// (part of `npm test`). Type-only imports count: a cycle through types is still a cycle.
// TypeScript is read with @swc/core: the TypeScript 7 compiler has no API dependency-cruiser can
// use. swc does not see `typeof import('...')` in a type, so the client and server code use
// `import type` instead.

/**
 * Cycles allowed inside the engine: none. The engine's restructure broke the last two (the
 * model's types and endpoint types; the evidence memo and the PHI-touching test); a new cycle is
 * broken, not listed here.
 */
const KNOWN_ENGINE_CYCLES = [];

/**
 * The engine's layers, bottom first (docs/architecture.md, "Inside the engine"): each imports
 * only its own and the ones below it; the entry points (index, analyze, coverage) sit on top.
 */
const ENGINE_LAYERS = ['catalogues', 'model', 'parsing', 'adapters', 'analysis', 'fixes', 'rules', 'summaries'];
const ENGINE_LAYER_RULES = ENGINE_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `engine-layers-${layer}`,
  comment: `engine/${layer}/ imports nothing from the layers above it (${ENGINE_LAYERS.slice(i + 1).join(', ')}) or the entry points.`,
  severity: 'error',
  from: { path: `^server/src/engine/${layer}/` },
  to: { path: `^server/src/engine/(?:(?:${ENGINE_LAYERS.slice(i + 1).join('|')})/|[^/]+[.]ts$)` },
}));

/** What the thin client may import besides its own files: the protocol, VS Code, the language client, Node. */
const CLIENT_MAY_IMPORT = ['^client/src/', '^server/src/protocol/', '^vscode$', '^vscode-languageclient', '^node:', '^path$'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No module reaches itself through its imports, type-only imports included.',
      severity: 'error',
      from: KNOWN_ENGINE_CYCLES.length ? { pathNot: KNOWN_ENGINE_CYCLES } : {},
      to: { circular: true },
    },
    {
      name: 'thin-client',
      comment: 'client/src imports only server/src/protocol, its own files, vscode, vscode-languageclient and Node built-ins.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { pathNot: CLIENT_MAY_IMPORT, dependencyTypesNot: ['core'] },
    },
    {
      name: 'protocol-is-neutral',
      comment: 'The protocol holds names and data shapes: it imports no front end, no VS Code, no language server library.',
      severity: 'error',
      from: { path: '^server/src/protocol/' },
      to: { path: ['^client/', '^server/src/(lsp|cli|workspace)/', '^server/src/server[.]ts$', '^vscode', 'node_modules'] },
    },
    {
      name: 'engine-is-pure',
      comment: 'The engine imports nothing from the front ends (cli, lsp, the client), the protocol, the workspace walk or editor views.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: { path: ['^client/', '^server/src/(cli|lsp|protocol|workspace|scaffold)/', '^server/src/server[.]ts$', '^vscode', 'vscode-languageserver'] },
    },
    ...ENGINE_LAYER_RULES,
    {
      name: 'engine-not-to-policy-module',
      comment: 'The engine takes the resolved policy as input (engine/model/policy.ts); it never loads, validates or merges one.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: { path: '^server/src/policy/' },
    },
    {
      name: 'no-views-on-the-server',
      comment: 'Codicons, theme colours and tree rows are the client\'s: nothing on the server side builds views.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^client/' },
    },
    {
      name: 'cli-and-lsp-apart',
      comment: 'The CLI and the language server share the engine, the policy module, workspace/ and scaffold/, never each other.',
      severity: 'error',
      from: { path: '^server/src/(cli|lsp)/' },
      to: { path: '^server/src/(cli|lsp)/', pathNot: '^server/src/$1/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves (a typo would otherwise hide an edge from every rule above).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

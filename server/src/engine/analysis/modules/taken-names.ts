// The special names of what a module takes from another (workspace/imported-names.ts reads them,
// unused-exports.ts asks of them), beside plain exported names and `default`.

/** Every export of the module may be used (`export * from`, `import()`, a namespace handed around whole). */
export const ALL_NAMES = '*';
/**
 * A CommonJS `require()` bound whole: the members read off it are those of `module.exports`,
 * which is the module's exports object, or the one value it was set to (an instance, a router).
 */
export const COMMONJS_VALUE = '*commonjs*';

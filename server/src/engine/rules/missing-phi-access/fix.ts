// The fix of missing-phi-access: *Add @phi_access(...)* / `phiAccess({...})` / `@PhiAccess({...})`
// placed the way the file's audited endpoints already do it (default: right below the route
// decorator), with the import when it is missing.

import type { ResolvedPolicy } from '../../model/policy';
import { actionFor, categoryFor, rolesFor } from '../../analysis/endpoints/audit-check';
import type { EndpointFact } from '../../model/endpoints';
import { NEXTJS_WRAPPER } from '../../analysis/endpoints/nextjs-routes';
import type { FileFacts } from '../../model/facts';
import { point, preferredQuote, pythonArgs, tsObject, type AuditArguments } from '../../fixes/audit-arguments';
import type { Fix, TextEdit } from '../../model/types';

export function addAuditFix(endpoint: EndpointFact, facts: FileFacts, policy: ResolvedPolicy, fileEndpoints: readonly EndpointFact[]): Fix | undefined {
  const placement = endpoint.placement;
  if (!placement) return undefined;
  const args: AuditArguments = { action: actionFor(endpoint), category: categoryFor(endpoint), roles: rolesFor(policy, categoryFor(endpoint)) };
  const quote = preferredQuote(facts);
  const edits: TextEdit[] = [];
  let title: string;
  if (placement.kind === 'python-decorator') {
    const name = policy.audit.python.decorator || 'phi_access';
    const decorator = `@${name}(${pythonArgs(args, quote)})`;
    title = `Add ${decorator}`;
    const line = pythonDecoratorLine(placement, conventionOf(fileEndpoints, 'python-decorator'));
    edits.push({ range: point(line, 0), newText: `${placement.indent}${decorator}\n` });
    const imported = importEdit(facts, policy.audit.python.module, name, quote);
    if (imported) edits.push(imported);
  } else if (placement.kind === 'ts-decorator') {
    const name = policy.audit.typescript.decorator || 'PhiAccess';
    const decorator = `@${name}(${tsObject(args, quote)})`;
    title = `Add ${decorator}`;
    const route = placement.decorators.find((d) => d.role === 'route') ?? placement.decorators[placement.decorators.length - 1];
    const convention = conventionOf(fileEndpoints, 'ts-decorator');
    if (route.range.end.line === placement.methodLine) {
      edits.push({ range: point(route.range.end.line, route.range.end.character), newText: ` ${decorator}` });
    } else {
      const line = convention === 'above-route' ? route.range.start.line : convention === 'above-def' ? placement.methodLine : route.range.end.line + 1;
      edits.push({ range: point(line, 0), newText: `${placement.indent}${decorator}\n` });
    }
    const imported = importEdit(facts, policy.audit.typescript.module, name, quote);
    if (imported) edits.push(imported);
  } else if (placement.kind === 'fastify-option') {
    const name = policy.audit.typescript.middleware || 'phiAccess';
    const hook = `${name}(${tsObject(args, quote)})`;
    title = `Add preHandler: ${hook}`;
    edits.push(...fastifyEdits(placement, hook));
    const imported = importEdit(facts, policy.audit.typescript.module, name, quote);
    if (imported) edits.push(imported);
  } else if (placement.kind === 'nextjs-wrap') {
    const name = NEXTJS_WRAPPER;
    title = `Wrap in ${name}(...)`;
    edits.push({ range: placement.exportRange, newText: `${placement.exportText}${name}(${tsObject(args, quote)}, ` });
    edits.push({ range: point(placement.end.line, placement.end.character), newText: placement.declaration ? ');' : ')' });
    const imported = importEdit(facts, policy.audit.typescript.module, name, quote);
    if (imported) edits.push(imported);
  } else {
    const name = policy.audit.typescript.middleware || 'phiAccess';
    const middleware = `${name}(${tsObject(args, quote)})`;
    title = `Add ${middleware} middleware`;
    edits.push({ range: point(placement.position.line, placement.position.character), newText: `${middleware}, ` });
    const imported = importEdit(facts, policy.audit.typescript.module, name, quote);
    if (imported) edits.push(imported);
  }
  return { title, kind: 'fix', isPreferred: true, edits };
}

/** `preHandler: hook` joined to what the route options already hold. */
function fastifyEdits(placement: Extract<EndpointFact['placement'], { kind: 'fastify-option' }>, hook: string): TextEdit[] {
  const { options, preHandler } = placement;
  // After the hooks already there: authentication first, so the audit event knows who.
  if (preHandler?.array) {
    const end = point(preHandler.range.end.line, preHandler.range.end.character - 1);
    return [{ range: end, newText: preHandler.empty ? hook : `, ${hook}` }];
  }
  if (preHandler) {
    return [
      { range: point(preHandler.range.start.line, preHandler.range.start.character), newText: '[' },
      { range: point(preHandler.range.end.line, preHandler.range.end.character), newText: `, ${hook}]` },
    ];
  }
  if (options?.empty) return [{ range: options.range, newText: `{ preHandler: ${hook} }` }];
  const first = options?.firstEntry;
  if (first?.ownLine) return [{ range: point(first.position.line, first.position.character), newText: `preHandler: ${hook},\n${first.indent}` }];
  if (options) return [{ range: point(options.range.start.line, options.range.start.character + 1), newText: ` preHandler: ${hook},` }];
  return [{ range: point(placement.handlerStart.line, placement.handlerStart.character), newText: `{ preHandler: ${hook} }, ` }];
}

type Convention = 'below-route' | 'above-route' | 'above-def';

/** Where the file's audited endpoints put the audit decorator relative to the route decorator. */
function conventionOf(endpoints: readonly EndpointFact[], kind: 'python-decorator' | 'ts-decorator'): Convention {
  for (const endpoint of endpoints) {
    const placement = endpoint.placement;
    if (!placement || placement.kind !== kind || endpoint.audit?.level !== 'endpoint') continue;
    const audit = placement.decorators.findIndex((d) => d.role === 'audit');
    const route = placement.decorators.findIndex((d) => d.role === 'route');
    if (audit < 0 || route < 0) continue;
    if (audit < route) return 'above-route';
    if (audit === route + 1) return 'below-route';
    if (audit === placement.decorators.length - 1) return 'above-def';
  }
  return 'below-route';
}

function pythonDecoratorLine(placement: Extract<EndpointFact['placement'], { kind: 'python-decorator' }>, convention: Convention): number {
  const route = placement.decorators.find((d) => d.role === 'route');
  if (!route) return placement.defLine;
  if (convention === 'above-route') return route.range.start.line;
  if (convention === 'above-def') return placement.defLine;
  return route.range.end.line + 1;
}

/** The import of the audit control, unless the file already has that name (imported or defined). */
function importEdit(facts: FileFacts, module: string | undefined, name: string, quote: string): TextEdit | undefined {
  if (!module) return undefined;
  if (facts.imports.some((fact) => fact.names.has(name))) return undefined;
  if (facts.scopes.some((scope) => scope.kind === 'function' && scope.parentId === 0 && scope.name === name)) return undefined;
  if (facts.bindings.some((binding) => binding.scopeId === 0 && binding.name === name)) return undefined;
  if (facts.language === 'python') return { range: point(pythonImportLine(facts), 0), newText: `from ${module} import ${name}\n` };
  const esImports = facts.imports.some((fact) => facts.text.slice(lineStart(facts, fact.range.start.line), lineStart(facts, fact.range.start.line) + 200).trimStart().startsWith('import'));
  const requires = facts.imports.filter((fact) => /\brequire\s*\(/.test(facts.text.slice(lineStart(facts, fact.range.start.line), lineStart(facts, fact.range.end.line + 1))));
  const semi = /;\s*$/m.test(facts.text.slice(0, 5000)) ? ';' : '';
  if (!esImports && requires.length) {
    const line = Math.max(...requires.map((fact) => fact.range.end.line)) + 1;
    return { range: point(line, 0), newText: `const { ${name} } = require(${quote}${module}${quote})${semi}\n` };
  }
  return { range: point(facts.importInsertLine, 0), newText: `import { ${name} } from ${quote}${module}${quote}${semi || ';'}\n` };
}

/** After the last top-level import; with none, after leading comments and a module docstring. */
function pythonImportLine(facts: FileFacts): number {
  if (facts.importInsertLine > 0) return facts.importInsertLine;
  const lines = facts.text.split('\n');
  let line = 0;
  while (line < lines.length && /^\s*(#.*)?$/.test(lines[line]) && lines[line].startsWith('#')) line++;
  const docstring = /^\s*[rRuU]?("""|''')/.exec(lines[line] ?? '');
  if (docstring) {
    const closeQuote = docstring[1];
    const rest = lines[line].slice(lines[line].indexOf(closeQuote) + 3);
    if (!rest.includes(closeQuote)) {
      line++;
      while (line < lines.length && !lines[line].includes(closeQuote)) line++;
    }
    line++;
  }
  return Math.min(line, lines.length);
}

function lineStart(facts: FileFacts, line: number): number {
  return facts.lineStarts[line] ?? facts.text.length;
}

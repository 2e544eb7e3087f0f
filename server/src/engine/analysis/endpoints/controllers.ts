// Routes written as decorated methods of controller classes (NestJS, the framework of
// catalogues/frameworks.ts with `routes: 'controllers'`): `@Controller('patients')` with
// `@Get(':id')`, `@Post()`...; `@PhiAccess(...)` on the method or the class.

import type { EndpointFact, HttpMethod } from '../../model/endpoints';
import type { CallExpr } from '../../model/facts';
import { childScopes } from '../../model/facts-index';
import { lineIndent } from '../../model/text';
import { decoratorRoles, isAuditExpr, lastNameOf, readAuditControl } from './audit-control';
import { endpointFact, type FinderInput } from './finder';
import { joinPaths } from './resources';
import { returnTypeNames } from './signature';
import { assessPhi } from './evidence-memo';

const ROUTE_DECORATORS: Record<string, HttpMethod> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS', All: 'ANY',
};

export function findControllers(input: FinderInput): EndpointFact[] {
  const { facts, flow, policy } = input;
  const framework = input.frameworks[0].id;
  const auditNames = [policy.audit.typescript.middleware || 'phiAccess', policy.audit.typescript.decorator || 'PhiAccess'];
  const endpoints: EndpointFact[] = [];
  for (const controller of facts.scopes) {
    if (controller.kind !== 'class') continue;
    const decorator = controller.decorators.find((d) => lastNameOf(d.expr.kind === 'call' ? d.expr.callee : d.expr) === 'Controller');
    if (!decorator) continue;
    const prefix = decorator.expr.kind === 'call' ? nestPath(decorator.expr) : '';
    const classAuditDecorator = controller.decorators.find((d) => isAuditExpr(d.expr, auditNames));
    const classAudit = classAuditDecorator ? readAuditControl(classAuditDecorator.expr, 'decorator', 'class', facts) : undefined;
    for (const method of childScopes(facts, controller.id)) {
      if (method.kind !== 'function') continue;
      const route = method.decorators.find((d) => !!ROUTE_DECORATORS[lastNameOf(d.expr.kind === 'call' ? d.expr.callee : d.expr) ?? '']);
      if (!route) continue;
      const verb = ROUTE_DECORATORS[lastNameOf(route.expr.kind === 'call' ? route.expr.callee : route.expr) ?? ''];
      const fullPath = joinPaths(prefix, route.expr.kind === 'call' ? nestPath(route.expr) : '');
      const own = method.decorators.find((d) => isAuditExpr(d.expr, auditNames));
      const audit = own ? readAuditControl(own.expr, 'decorator', 'endpoint', facts) : classAudit;
      const typeNames = [...method.params.flatMap((p) => p.typeNames), ...returnTypeNames(facts, method)];
      const evidence = assessPhi({ path: fullPath, handlerScopeId: method.id, typeNames, nameHints: [] }, facts, flow);
      const start = method.decorators[0].range.start;
      const nameRange = method.nameRange ?? method.range;
      const handler = { name: `${controller.name ?? 'Controller'}.${method.name ?? '<anonymous>'}`, range: nameRange };
      const decorators = decoratorRoles(method.decorators, route.expr, auditNames);
      const indent = lineIndent(facts.text, facts.lineStarts, start.line);
      const placement = { kind: 'ts-decorator', decorators, methodLine: method.range.start.line, indent } as const;
      endpoints.push(endpointFact({ framework, methods: [verb], path: fullPath, handler, start, end: nameRange.end, audit, placement }, evidence));
    }
  }
  return endpoints;
}

/** `'patients'`, `['a', 'b']` (the first), `{ path: 'patients' }`. */
function nestPath(call: CallExpr): string {
  const first = call.args[0]?.value;
  if (!first) return '';
  if (first.kind === 'string') return first.value;
  if (first.kind === 'array' && first.items[0]?.kind === 'string') return first.items[0].value;
  if (first.kind === 'object') {
    const entry = first.entries.find((e) => e.key === 'path');
    if (entry?.value.kind === 'string') return entry.value.value;
  }
  return '';
}

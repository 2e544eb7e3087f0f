// Django URLconfs (`urls.py`): which view each `path()` / `re_path()` / `router.register()` routes
// to, so the coverage report can give Django views (found in views.py) their full path.

import * as path from 'node:path';
import { calleePath } from '../../model/expressions';
import type { Expr, FileFacts } from '../../model/facts';
import type { RouteReference } from '../../model/endpoints';

export function findDjangoRoutes(facts: FileFacts, filePath: string): RouteReference[] {
  if (facts.language !== 'python' || !/urls\.py$/.test(path.basename(filePath))) return [];
  const routes: RouteReference[] = [];
  for (const { call } of facts.calls) {
    const callee = calleePath(call.callee);
    const name = callee?.[callee.length - 1];
    const first = call.args[0]?.value;
    const second = call.args[1]?.value;
    if (!first || first.kind !== 'string' || !second) continue;
    const line = call.range.start.line;
    if (name === 'path' || name === 're_path' || name === 'url') {
      const route = name === 'path' ? first.value : regexToPath(first.value);
      if (second.kind === 'call' && lastName(second.callee) === 'include') {
        const target = second.args[0]?.value;
        if (target?.kind === 'string') routes.push({ path: route, view: '', kind: 'include', module: target.value, line });
        continue;
      }
      const view = viewName(second);
      if (view) routes.push({ path: route, view: view.name, kind: view.kind, line });
    } else if (name === 'register') {
      const view = viewName(second);
      if (view) routes.push({ path: first.value.replace(/^\^|\$$/g, ''), view: view.name, kind: 'viewset', line });
    }
  }
  return routes;
}

function viewName(expr: Expr): { name: string; kind: RouteReference['kind'] } | undefined {
  if (expr.kind === 'name') return { name: expr.name, kind: 'function' };
  if (expr.kind === 'member') return { name: expr.property, kind: 'function' };
  // `PatientDetail.as_view()`, `PatientViewSet.as_view({"get": "list"})`.
  if (expr.kind === 'call' && expr.callee.kind === 'member' && expr.callee.property === 'as_view') {
    const target = lastName(expr.callee.object);
    if (target) return { name: target, kind: 'class' };
  }
  return undefined;
}

function lastName(expr: Expr): string | undefined {
  const parts = calleePath(expr);
  return parts?.[parts.length - 1];
}

/** `^patients/(?P<pk>\d+)/$` -> `patients/<pk>/`. */
function regexToPath(regex: string): string {
  return regex
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\(\?P<([^>]+)>[^)]*\)/g, '<$1>');
}

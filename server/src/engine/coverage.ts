// The audit coverage report (docs/coverage-report.md: `phi-guard coverage`, the Audit Coverage view): every
// endpoint, whether it touches patient data and whether it carries a correct audit control, and
// the share of PHI-touching endpoints that are covered. Pure: the CLI and the language server
// build it from analysis results. JSON schema: docs/coverage-report.md.

import * as path from 'node:path';
import type { ResolvedPolicy } from './model/policy';
import { auditProblems, describeProblem } from './analysis/endpoints/audit-check';
import { joinPaths } from './analysis/endpoints/resources';
import { frameworkName } from './catalogues/frameworks';
import { maskRoutePath } from './analysis/endpoints/route-label';
import type { AuditControl, EndpointFact, RouteReference } from './model/endpoints';
import type { AnalysisResult, PhiCategory } from './model/types';

export const COVERAGE_REPORT_VERSION = 1;

export type CoverageStatus = 'covered' | 'mismatch' | 'missing' | 'suppressed' | 'no-phi';

export interface CoverageEndpoint {
  /** Path as displayed (relative to the working folder / workspace folder), `/` separators. */
  file: string;
  /** Absolute path, for editors to open. */
  absolutePath: string;
  /** 1-based line where endpoint findings are reported (first decorator / def / registration). */
  line: number;
  /** 1-based column of that point. */
  column: number;
  framework: EndpointFact['framework'];
  /** The framework's own name (`Fastify`, `Django REST Framework`), as the report and the view show it. */
  frameworkName: string;
  /** HTTP methods; `ANY` for a view that accepts every method. */
  methods: string[];
  /** Full path; empty when the route was not found (a Django view with no URLconf entry). */
  path: string;
  handler: string;
  touchesPhi: boolean;
  categories: PhiCategory[];
  why: string[];
  /** Whether an audit control applies (correct or not). */
  covered: boolean;
  status: CoverageStatus;
  /** Where the audit control sits: on the endpoint, its router / blueprint, or its class. */
  auditLevel?: AuditControl['level'];
  action?: string;
  /** `data_category` (Python) / `dataCategory` (TS); several when a list is given. */
  data_category?: string[];
  roles?: string[];
  /** What is wrong with the audit control (status `mismatch`). */
  problems: string[];
}

export interface CoverageSummary {
  endpoints: number;
  phiEndpoints: number;
  /** PHI-touching endpoints with an audit control (mismatched ones included). */
  covered: number;
  mismatched: number;
  missing: number;
  /** PHI-touching endpoints whose missing-phi-access finding is suppressed with a comment. */
  suppressed: number;
  /** covered / (phiEndpoints - suppressed) * 100, one decimal; 100 when there is nothing to cover. */
  percent: number;
}

export interface CoverageReport {
  version: typeof COVERAGE_REPORT_VERSION;
  summary: CoverageSummary;
  endpoints: CoverageEndpoint[];
}

export interface CoverageInput {
  display: string;
  absolutePath: string;
  result: AnalysisResult;
  policy: ResolvedPolicy;
}

export function buildCoverageReport(files: readonly CoverageInput[]): CoverageReport {
  const djangoPaths = resolveDjangoPaths(files);
  const endpoints: CoverageEndpoint[] = [];
  for (const file of files) {
    const suppressedLines = new Set(
      file.result.suppressed.filter((finding) => finding.ruleId === 'missing-phi-access').map((finding) => finding.line),
    );
    for (const endpoint of file.result.endpoints ?? []) {
      let routePath = endpoint.path;
      if (!routePath && (endpoint.framework === 'django' || endpoint.framework === 'drf')) {
        routePath = djangoPaths.get(endpoint.handler.name) ?? djangoPaths.get(endpoint.handler.name.split('.')[0]) ?? '';
        if (routePath && endpoint.handler.name.includes('.')) routePath = viewSetPath(routePath, endpoint);
      }
      endpoints.push(coverageEndpoint(file, endpoint, routePath, suppressedLines.has(endpoint.line)));
    }
  }
  endpoints.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { version: COVERAGE_REPORT_VERSION, summary: summarize(endpoints), endpoints };
}

export function summarize(endpoints: readonly CoverageEndpoint[]): CoverageSummary {
  const phi = endpoints.filter((endpoint) => endpoint.touchesPhi);
  const covered = phi.filter((endpoint) => endpoint.covered).length;
  const suppressed = phi.filter((endpoint) => endpoint.status === 'suppressed').length;
  const denominator = phi.length - suppressed;
  return {
    endpoints: endpoints.length,
    phiEndpoints: phi.length,
    covered,
    mismatched: endpoints.filter((endpoint) => endpoint.status === 'mismatch').length,
    missing: phi.filter((endpoint) => endpoint.status === 'missing').length,
    suppressed,
    percent: denominator > 0 ? Math.round((covered / denominator) * 1000) / 10 : 100,
  };
}

function coverageEndpoint(file: CoverageInput, endpoint: EndpointFact, routePath: string, suppressed: boolean): CoverageEndpoint {
  const audit = endpoint.audit;
  const problems = audit ? auditProblems(endpoint, file.policy).map((problem) => describeProblem(problem, endpoint.methods)) : [];
  const status: CoverageStatus = audit
    ? problems.length
      ? 'mismatch'
      : 'covered'
    : !endpoint.touchesPhi
      ? 'no-phi'
      : suppressed
        ? 'suppressed'
        : 'missing';
  return {
    file: file.display.split(path.sep).join('/'),
    absolutePath: file.absolutePath,
    line: endpoint.line + 1,
    column: endpoint.range.start.character + 1,
    framework: endpoint.framework,
    frameworkName: frameworkName(endpoint.framework),
    methods: [...endpoint.methods],
    path: maskRoutePath(routePath),
    handler: endpoint.inheritedActions?.length ? `${endpoint.handler.name} (inherited ${endpoint.inheritedActions.join(', ')})` : endpoint.handler.name,
    touchesPhi: endpoint.touchesPhi,
    categories: [...endpoint.categories],
    why: [...endpoint.why],
    covered: !!audit,
    status,
    auditLevel: audit?.level,
    action: audit?.action?.values?.[0],
    data_category: audit?.dataCategory?.values,
    roles: audit?.roles?.values,
    problems,
  };
}

/** View (function / class) name -> full path, from every URLconf among the files, includes applied. */
function resolveDjangoPaths(files: readonly CoverageInput[]): Map<string, string> {
  const byModule = new Map<string, { file: CoverageInput; routes: RouteReference[] }>();
  for (const file of files) {
    const routes = file.result.routes ?? [];
    if (!routes.length) continue;
    const module = file.absolutePath.replace(/\\/g, '/').replace(/\.py$/, '').split('/').join('.');
    byModule.set(module, { file, routes });
  }
  const prefixes = new Map<string, string>();
  for (const { routes } of byModule.values()) {
    for (const route of routes) {
      if (route.kind !== 'include' || !route.module) continue;
      for (const module of byModule.keys()) if (module.endsWith(`.${route.module}`)) prefixes.set(module, route.path);
    }
  }
  const paths = new Map<string, string>();
  for (const [module, { routes }] of byModule) {
    for (const route of routes) {
      if (route.kind === 'include' || !route.view || paths.has(route.view)) continue;
      const full = joinPaths(prefixes.get(module) ?? '', route.path);
      paths.set(route.view, route.kind === 'viewset' ? `${full.replace(/\/$/, '')}/` : full.endsWith('/') || !route.path.endsWith('/') ? full : `${full}/`);
    }
  }
  return paths;
}

/** A ViewSet registered at `/patients/`: list/create there, the rest on `/patients/{pk}/`. */
function viewSetPath(base: string, endpoint: EndpointFact): string {
  const method = endpoint.handler.name.split('.').pop() ?? '';
  if (['list', 'create', 'get', 'post'].includes(method)) return base;
  const root = base.replace(/\/$/, '');
  if (['retrieve', 'update', 'partial_update', 'destroy'].includes(method)) return `${root}/{pk}/`;
  if (['put', 'patch', 'delete'].includes(method)) return base;
  return `${root}/{pk}/${method}/`;
}

// The Audit Coverage view's data: a pure function from the server's `phiGuard/auditCoverage`
// result to tree nodes (endpoints grouped by file). No `vscode` import, so it is unit-tested
// as plain data (test/unit/coverage-view.test.mjs).

import type { AuditCoverageEndpoint, AuditCoverageResult } from '../../../server/src/protocol';

export type EndpointIcon = 'covered' | 'missing' | 'mismatch' | 'suppressed' | 'no-phi';

export interface CoverageEndpointNode {
  kind: 'endpoint';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: EndpointIcon;
  uri: string;
  /** 0-based position to reveal. */
  line: number;
  character: number;
}

export interface CoverageFileNode {
  kind: 'file';
  id: string;
  label: string;
  description: string;
  uri: string;
  /** The worst status inside: missing > mismatch > covered. */
  icon: EndpointIcon;
  children: CoverageEndpointNode[];
}

export interface CoverageTreeModel {
  /** Shown as the view's description: `72.5% covered (29/40)`. */
  description: string;
  /** One line for the status bar and tooltips. */
  summary: string;
  files: CoverageFileNode[];
  /** Findings of every rule in the workspace; undefined when unknown. */
  findings?: number;
  /** Message for an empty tree. */
  message?: string;
}

export interface CoverageModelOptions {
  /** Also list endpoints that do not touch patient data (default true). */
  showNonPhi?: boolean;
}

const RANK: Record<EndpointIcon, number> = { missing: 4, mismatch: 3, suppressed: 2, covered: 1, 'no-phi': 0 };

export function buildCoverageTree(result: AuditCoverageResult | undefined, options: CoverageModelOptions = {}): CoverageTreeModel {
  if (!result) return { description: '', summary: 'Audit coverage: not available', files: [], message: 'Audit coverage is not available until the PHI Guard server is running.' };
  const { summary } = result;
  const denominator = summary.phiEndpoints - summary.suppressed;
  const description = summary.phiEndpoints ? `${formatPercent(summary.percent)} covered (${summary.covered}/${denominator})` : 'no PHI endpoints';
  const byFile = new Map<string, AuditCoverageEndpoint[]>();
  for (const endpoint of result.endpoints) {
    if (options.showNonPhi === false && !endpoint.touchesPhi && !endpoint.covered) continue;
    const list = byFile.get(endpoint.uri) ?? [];
    list.push(endpoint);
    byFile.set(endpoint.uri, list);
  }
  const files: CoverageFileNode[] = [...byFile.entries()]
    .map(([uri, endpoints]) => {
      const children = endpoints.sort((a, b) => a.line - b.line || a.column - b.column).map(endpointNode);
      const phi = endpoints.filter((e) => e.touchesPhi);
      const icon = children.reduce<EndpointIcon>((worst, child) => (RANK[child.icon] > RANK[worst] ? child.icon : worst), 'no-phi');
      const covered = phi.filter((e) => e.covered).length;
      return {
        kind: 'file' as const,
        id: `file:${uri}`,
        label: endpoints[0].file.split('/').pop() ?? endpoints[0].file,
        description: `${endpoints[0].file.includes('/') ? `${endpoints[0].file.slice(0, endpoints[0].file.lastIndexOf('/'))} · ` : ''}${phi.length ? `${covered}/${phi.length} covered` : 'no PHI'}`,
        uri,
        icon,
        children,
      };
    })
    .sort((a, b) => RANK[b.icon] - RANK[a.icon] || (a.description < b.description ? -1 : 1));
  const findings = result.findings.total;
  return {
    description,
    summary: `Audit coverage ${summary.phiEndpoints ? formatPercent(summary.percent) : 'n/a'} · ${findings} finding${findings === 1 ? '' : 's'}`,
    files,
    findings,
    message: files.length ? undefined : 'No HTTP endpoints found in this workspace.',
  };
}

function endpointNode(endpoint: AuditCoverageEndpoint): CoverageEndpointNode {
  const icon: EndpointIcon = endpoint.status;
  const route = endpoint.path || '(route not found)';
  const state: Record<EndpointIcon, string> = {
    covered: 'audit control present',
    mismatch: `audit control is wrong: ${endpoint.problems.join('; ')}`,
    missing: 'touches patient data without an audit control',
    suppressed: 'missing audit control, suppressed with a comment',
    'no-phi': 'does not touch patient data',
  };
  const audit = endpoint.covered
    ? [endpoint.action, endpoint.data_category?.join('|'), endpoint.roles?.join(', ')].filter(Boolean).join(' · ')
    : endpoint.touchesPhi
      ? endpoint.categories.join(', ')
      : '';
  return {
    kind: 'endpoint',
    id: `endpoint:${endpoint.uri}:${endpoint.line}:${endpoint.column}:${endpoint.methods.join(',')}`,
    label: `${endpoint.methods.join(', ')} ${route}`,
    description: [endpoint.handler, audit].filter(Boolean).join(' — '),
    tooltip: [
      `${endpoint.methods.join(', ')} ${route} (${endpoint.frameworkName ?? endpoint.framework})`,
      `${endpoint.file}:${endpoint.line} · ${endpoint.handler}`,
      state[icon],
      endpoint.why.length ? `Why: ${endpoint.why.join('; ')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    icon,
    uri: endpoint.uri,
    line: endpoint.line - 1,
    character: endpoint.column - 1,
  };
}

export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

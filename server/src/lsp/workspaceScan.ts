// `phiGuard/scanWorkspace` (*PHI Guard: Scan Workspace*): analyses every file of the workspace
// folders and publishes diagnostics for the ones no editor has open, so the Problems panel
// shows the whole workspace. Open documents keep their live diagnostics.

import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { ScanWorkspaceParams, ScanWorkspaceResult } from '../protocol';
import type { ClientFeatures } from './clientFeatures';
import { analyseWorkspace, type CoverageSession } from './coverage';
import { findingsToDiagnostics } from './diagnostics';
import type { DocumentStore } from './documentStore';
import { pathToUri } from './uris';

export const EMPTY_SCAN: ScanWorkspaceResult = { files: 0, filesWithFindings: 0, findings: 0, errors: 0, warnings: 0, truncated: false, cancelled: true };

export class WorkspaceScan {
  /** Closed files we published diagnostics for: cleared when they open or stop having findings. */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly features: ClientFeatures,
  ) {}

  async run(params: ScanWorkspaceParams, token: CancellationToken | undefined, session: CoverageSession): Promise<ScanWorkspaceResult> {
    const workspace = await analyseWorkspace(params.folders, token, this.documents, session);
    if (!workspace) return EMPTY_SCAN;
    const result: ScanWorkspaceResult = { files: workspace.files.length, filesWithFindings: 0, findings: 0, errors: 0, warnings: 0, truncated: workspace.truncated, cancelled: false };
    const stillPublished = new Set<string>();
    for (const { file, result: analysis } of workspace.files) {
      const findings = analysis.findings;
      if (findings.length) result.filesWithFindings++;
      result.findings += findings.length;
      result.errors += findings.filter((finding) => finding.severity === 'error').length;
      result.warnings += findings.filter((finding) => finding.severity === 'warning').length;
      const uri = pathToUri(file);
      const open = this.documents.get(uri);
      if ((open && !open.closed) || !findings.length) continue;
      stillPublished.add(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: findingsToDiagnostics(analysis, uri, 0, this.features) });
    }
    for (const uri of this.published) {
      if (!stillPublished.has(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.clear();
    for (const uri of stillPublished) this.published.add(uri);
    return result;
  }

  /** A scanned file was opened: its live diagnostics take over from the scan's. */
  opened(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

// The audit context (engine/model/audit-context.ts) of each workspace folder, for the language
// server: computed once per folder from its source files, on first use, and kept up to date from
// the open documents (editing a settings module's MIDDLEWARE or a Nest bootstrap file changes it
// at once). A change calls `onChanged`, which re-analyses: another file's coverage depends on it.

import * as path from 'node:path';
import type { ProjectAuditContext } from '../engine';
import { auditContextOfFile, computeAuditContext, withFileEntries } from '../workspace/audit-context';
import { findSourceFiles } from '../workspace/find-source-files';
import { FolderPolicies } from '../workspace/folder-policies';

export class WorkspaceAuditContexts {
  private readonly byFolder = new Map<string, Promise<ProjectAuditContext>>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly onChanged: () => void,
  ) {}

  /** The context of the workspace folder holding `filePath`; undefined outside every folder. */
  forFile(filePath: string | undefined): Promise<ProjectAuditContext> | undefined {
    const folder = filePath ? this.folderOf(filePath) : undefined;
    if (!folder) return undefined;
    let context = this.byFolder.get(folder);
    if (!context) {
      context = findSourceFiles([folder], folder, new FolderPolicies()).then((discovery) => computeAuditContext(discovery.files));
      this.byFolder.set(folder, context);
      context.catch(() => this.byFolder.delete(folder));
    }
    return context;
  }

  /** An open document's current text: its entries in the context are replaced when they differ. */
  async documentChanged(filePath: string | undefined, text: string): Promise<void> {
    if (!filePath || !/\.(py|[cm]?[jt]sx?|prisma)$/i.test(filePath)) return;
    const current = this.forFile(filePath);
    if (!current) return;
    // A new object, never the old one changed: results cached for the old context are not reused.
    const updated = withFileEntries(await current, filePath, auditContextOfFile(filePath, text));
    if (!updated) return;
    const folder = this.folderOf(filePath);
    if (folder) this.byFolder.set(folder, Promise.resolve(updated));
    this.onChanged();
  }

  invalidate(): void {
    this.byFolder.clear();
  }

  private folderOf(filePath: string): string | undefined {
    const inside = this.folders().filter((folder) => {
      const relative = path.relative(folder, filePath);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
    return inside.sort((a, b) => b.length - a.length)[0];
  }
}

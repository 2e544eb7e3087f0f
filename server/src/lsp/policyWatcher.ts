// Watches policy files on disk through the client (didChangeWatchedFiles, registered
// dynamically when the client allows it): every `phi-guard.json`, plus the files a policy
// extends, which can have any name.

import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import type { LoadedPolicy } from '../policy';
import type { ClientFeatures } from './clientFeatures';
import type { Logger } from './logger';
import { POLICY_FILE_NAME } from './policyResolver';
import { fileKey, pathToUri } from './uris';

export class PolicyWatcher {
  private readonly watched = new Set<string>();
  private ready = false;

  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly logger: Logger,
  ) {}

  /** After `initialized`: dynamic registration is only allowed from then on. */
  start(): void {
    if (!this.features.watchedFilesRegistration) return;
    this.ready = true;
    this.register([{ globPattern: `**/${POLICY_FILE_NAME}` }]);
  }

  /** Watch the files a loaded policy extends (a `phi-guard.json` is already covered). */
  policyLoaded(loaded: LoadedPolicy): void {
    if (!this.ready) return;
    const watchers: FileSystemWatcher[] = [];
    for (const file of loaded.files) {
      const key = fileKey(file);
      if (path.basename(file) === POLICY_FILE_NAME || this.watched.has(key)) continue;
      this.watched.add(key);
      watchers.push({
        globPattern: this.features.watchedFilesRelativePatterns
          ? { baseUri: pathToUri(path.dirname(file)), pattern: path.basename(file) }
          : file.split(path.sep).join('/'),
      });
    }
    if (watchers.length) this.register(watchers);
  }

  private register(watchers: FileSystemWatcher[]): void {
    this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .catch((error) => this.logger.exception('registering the policy file watcher failed', error));
  }
}

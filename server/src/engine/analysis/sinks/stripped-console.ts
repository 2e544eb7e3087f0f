// A `console.*` call a production build strips (the workspace's `consoleStrippingBuilds`,
// workspace/console-stripping-builds.ts): the build of the package holding the file removes that
// method's calls, so what they print never reaches a production log (docs/rules/phi-in-log.md).

import * as path from 'node:path';
import type { ConsoleStrippingBuild } from '../../model/audit-context';

/** Whether the build of a config whose folder holds `filePath` strips its `console.<method>` calls. */
export function strippedByBuild(method: string, filePath: string, builds: readonly ConsoleStrippingBuild[] | undefined): boolean {
  if (!builds?.length) return false;
  const here = path.resolve(filePath);
  return builds.some((build) => {
    const root = path.dirname(path.resolve(build.file));
    if (!here.startsWith(root + path.sep)) return false;
    if (build.methods) return build.methods.includes(method);
    return !(build.kept ?? []).includes(method);
  });
}

/** A log sink named `console.<method>` (the global console) in `filePath` whose calls the package's build strips. */
export function strippedConsoleSink(label: string, filePath: string, builds: readonly ConsoleStrippingBuild[] | undefined): boolean {
  const match = /^console\.(\w+)$/.exec(label);
  return !!match && strippedByBuild(match[1], filePath, builds);
}

// The real repositories of the accuracy report (test/realworld/*.json, each pinned to a commit),
// as checked out in PHI_GUARD_REALWORLD_DIR (default ~/.cache/phi-guard-realworld/<owner>__<repo>).
// A checkout that is missing or at another commit is listed as absent, never measured: the numbers
// must describe the code the accuracy was judged on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `selection` (BENCH_REALWORLD): unset or `all` for every repository, `none` (or `0`) for none,
 * else a comma-separated list of parts of their ids (`care,opal`).
 */
export function realRepositories(root, selection = 'all') {
  if (['none', '0', 'off'].includes(selection.trim())) return [];
  const wanted = selection.trim() === 'all' || !selection.trim() ? undefined : selection.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
  const cacheDir = process.env.PHI_GUARD_REALWORLD_DIR ?? path.join(os.homedir(), '.cache', 'phi-guard-realworld');
  const judgements = path.join(root, 'test', 'realworld');
  return readdirSync(judgements)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.json$/, '');
      const { repository, commit } = JSON.parse(readFileSync(path.join(judgements, file), 'utf8'));
      return { id, repository, commit, dir: path.join(cacheDir, id) };
    })
    .filter((repo) => !wanted || wanted.some((part) => repo.id.toLowerCase().includes(part)))
    .map((repo) => ({ ...repo, absent: whyAbsent(repo) }));
}

function whyAbsent({ dir, commit }) {
  // Named by its folder in the cache, never by a path of this machine (results.json is committed).
  if (!existsSync(dir)) return `not found in the cache folder (${path.basename(dir)})`;
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return `${path.basename(dir)} is not a git checkout, so its commit cannot be checked`;
  if (head.stdout.trim() !== commit) return `at ${head.stdout.trim().slice(0, 12)}, not the pinned ${commit.slice(0, 12)}`;
  return undefined;
}

const SOURCE = /\.(py|pyi|[cm]?[jt]s|[jt]sx)$/i;

/** Files and lines PHI Guard scanned, from its JSON report (paths relative to `dir`); lines of source code only. */
export function scannedSize(dir, reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  let sourceFiles = 0;
  let sourceLines = 0;
  for (const entry of report.files ?? []) {
    if (!SOURCE.test(entry.file)) continue;
    try {
      const text = readFileSync(path.resolve(dir, entry.file), 'utf8');
      sourceFiles++;
      sourceLines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    } catch {
      // Gone since the scan: not counted.
    }
  }
  return { files: report.summary?.filesScanned ?? report.files?.length ?? 0, sourceFiles, lines: sourceLines };
}

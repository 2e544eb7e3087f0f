// `phi-guard scan --cache`: remembers each file's analysis, like ESLint's cache. One JSON file,
// keyed by absolute path; an entry is used only when its key matches, and the key covers
// everything the analysis depends on:
//   - the sha256 of the file's bytes;
//   - the policy as the engine receives it (the resolved policy, i.e. the policy file and every
//     file it extends, merged over the defaults), plus each vendor's BAA status as of today (a BAA
//     with an `expires` date lapses without any file changing);
//   - the engine options that change results (the maximum file size);
//   - PHI Guard's version (rules change between versions), also stored at the top of the file:
//     a cache written by another version is dropped whole.
//   - with the workspace index, the summaries of the files it imports (dependencyKey): a leak
//     reported at a call depends on what the callee in another file does.
// The workspace index's function summaries are kept too (`summaries`, keyed by content and
// policy): names, indexes and positions only, no source text.
// --fail-on and the output format do not matter: they only change how results are reported.
//
// The file is replaced atomically (temporary file + rename); a cache file that cannot be read or
// does not have the expected shape is ignored with a notice, never a crash. Entries hold the
// AnalysisResult only, and no source text: findings never quote it, and the edits of a fix that
// copies text from the source (`copiesSourceText`: a log message, which may hold a literal) are
// not kept — no report that reads the cache needs them (SARIF leaves such fixes out, JSON and
// text name fixes by title), and `phi-guard fix` analyses afresh.

import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { effectiveBaa, type AnalysisResult, type FileSummary, type Finding, type ResolvedPolicy } from '../../engine';

/** Bumped when the layout of the cache file changes. */
const CACHE_FORMAT = 19;
export const DEFAULT_CACHE_LOCATION = '.phi-guard-cache';

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, CacheEntry>;
  /** Function summaries for the workspace index, keyed by content and policy only. */
  summaries?: Record<string, SummaryEntry>;
}

interface SummaryEntry {
  key: string;
  summary: FileSummary;
}

interface CacheEntry {
  key: string;
  result: AnalysisResult;
}

export interface CacheOptions {
  /** PHI Guard's version (package.json). */
  toolVersion: string;
  maxFileSizeKb?: number;
  /** The scan's audit context: a file's result depends on the Django settings and global guards elsewhere. */
  auditContext?: unknown;
}

/**
 * The cache file for `--cache-location`: a file path, or a folder (an existing one, or a path
 * ending with a slash) that then gets one file per working directory, as ESLint does.
 */
export function resolveCacheFile(location: string | undefined, cwd: string, shard?: { index: number; count: number }): string {
  const resolved = path.resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  const isFolder = location !== undefined && (/[\\/]$/.test(location) || statSync(resolved, { throwIfNoEntry: false })?.isDirectory());
  // Each shard of `--shard` keeps its own file: shards running side by side must not replace
  // each other's entries, and a file stays in its shard from run to run.
  const suffix = shard ? `.shard-${shard.index}-of-${shard.count}` : '';
  if (!isFolder) return `${resolved}${suffix}`;
  const tag = createHash('sha256').update(cwd).digest('hex').slice(0, 12);
  return path.join(resolved, `.phi-guard-cache-${tag}${suffix}`);
}

export class ScanCache {
  hits = 0;
  misses = 0;
  private entries: Map<string, CacheEntry>;
  private readonly summaries: Map<string, SummaryEntry>;
  /** Summaries read from the other shards' cache files in the same folder (`--shard`), never written back there. */
  private readonly borrowed = new Map<string, SummaryEntry>();
  private readonly used = new Set<string>();
  private readonly dropped = new Set<string>();
  private changed = false;
  private readonly policyKeys = new WeakMap<ResolvedPolicy, string>();
  private readonly optionsKey: string;

  private constructor(
    readonly file: string,
    entries: Map<string, CacheEntry>,
    private readonly options: CacheOptions,
    summaries: Map<string, SummaryEntry> = new Map(),
  ) {
    this.entries = entries;
    this.summaries = summaries;
    // `text`: how bytes become the text analysed (encodings, NUL bytes); bumped when that changes,
    // since a result from before may have missed what the new reading sees.
    this.optionsKey = JSON.stringify({ maxFileSizeKb: options.maxFileSizeKb ?? null, text: 2, auditContext: options.auditContext ?? null });
  }

  /**
   * Opens the cache file; `warn` receives a one-line notice when it exists but cannot be used.
   * `--shard`: the other shards' files beside it (and an unsharded run's) lend their summaries.
   */
  static async open(file: string, options: CacheOptions, warn: (message: string) => void): Promise<ScanCache> {
    const cache = await ScanCache.openOwn(file, options, warn);
    for (const sibling of shardSiblings(file)) {
      const parsed = parseCacheFile(await fs.readFile(sibling, 'utf8').catch(() => ''), options.toolVersion);
      if (typeof parsed !== 'object') continue;
      for (const [path, entry] of parsed.summaries) if (!cache.borrowed.has(path)) cache.borrowed.set(path, entry);
    }
    return cache;
  }

  private static async openOwn(file: string, options: CacheOptions, warn: (message: string) => void): Promise<ScanCache> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code !== 'ENOENT') warn(`cannot read the cache file (${code ?? 'read failed'}); starting with an empty cache`);
      return new ScanCache(file, new Map(), options);
    }
    const parsed = parseCacheFile(text, options.toolVersion);
    if (parsed === 'corrupt') {
      warn('the cache file is corrupt and was ignored; starting with an empty cache');
      const cache = new ScanCache(file, new Map(), options);
      cache.changed = true;
      return cache;
    }
    const cache = new ScanCache(file, parsed?.entries ?? new Map(), options, parsed?.summaries);
    if (!parsed) cache.changed = true; // another version's cache: rewrite it
    return cache;
  }

  /**
   * The key of a file's analysis, from its content hash and the policy it is analysed with. The
   * parts are digests already (the content's sha256, the dependency key), so they are joined, not
   * hashed again: a hash object per file cost ~1 ms each once a large project's heap had grown
   * (docs/performance.md, "A warm cache slower than a cold scan").
   */
  keyFor(contentHash: string, policy: ResolvedPolicy, dependencies = ''): string {
    return `${this.policyKey(policy)}:${contentHash}${dependencies ? `:${dependencies}` : ''}`;
  }

  /** The cached result for `file` under `key`; counts a hit or a miss. */
  get(file: string, key: string): AnalysisResult | undefined {
    const entry = this.entries.get(file);
    if (entry && entry.key === key) {
      this.hits++;
      this.used.add(file);
      return entry.result;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, result: AnalysisResult): void {
    this.entries.set(file, { key, result: withoutCopiedSource(result) });
    this.used.add(file);
    this.changed = true;
  }

  /** The file's function summaries under `key` (content and policy: keyFor without dependencies). */
  getSummary(file: string, key: string): FileSummary | undefined {
    const entry = this.summaries.get(file);
    if (entry && entry.key === key) return entry.summary;
    const borrowed = this.borrowed.get(file);
    if (!borrowed || borrowed.key !== key) return undefined;
    this.setSummary(file, key, borrowed.summary);
    return borrowed.summary;
  }

  setSummary(file: string, key: string, summary: FileSummary): void {
    this.summaries.set(file, { key, summary });
    this.changed = true;
  }

  /** The file was scanned but has no result to keep (unreadable, too large, analysis failed). */
  forget(file: string): void {
    this.dropped.add(file);
    if (this.entries.delete(file)) this.changed = true;
  }

  /**
   * Writes the cache when anything changed. Entries of files this run did not scan are kept
   * (scanning one folder must not empty the cache of the others) unless the file is gone.
   * Returns a notice when the file cannot be written (the scan's results stand).
   */
  async save(): Promise<string | undefined> {
    for (const file of this.entries.keys()) {
      if (this.used.has(file) || this.dropped.has(file)) continue;
      if (!statSync(file, { throwIfNoEntry: false })) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    for (const file of this.summaries.keys()) {
      if (!statSync(file, { throwIfNoEntry: false })) {
        this.summaries.delete(file);
        this.changed = true;
      }
    }
    if (!this.changed) return undefined;
    const content: CacheFile = {
      format: CACHE_FORMAT,
      version: this.options.toolVersion,
      entries: Object.fromEntries(this.entries),
      summaries: Object.fromEntries(this.summaries),
    };
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(temporary, JSON.stringify(content), 'utf8');
      await fs.rename(temporary, this.file);
      return undefined;
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => {});
      const code = (error as NodeJS.ErrnoException)?.code;
      return `cannot write the cache file (${code ?? 'write failed'}); results were not cached`;
    }
  }

  /** What every key of files analysed with `policy` shares: the cache's layout, the version, the options and the policy. */
  private policyKey(policy: ResolvedPolicy): string {
    let key = this.policyKeys.get(policy);
    if (key === undefined) {
      const baaToday = policy.vendors.map((vendor) => effectiveBaa(vendor));
      key = createHash('sha256').update(JSON.stringify([CACHE_FORMAT, this.options.toolVersion, this.optionsKey, policy, baaToday])).digest('hex');
      this.policyKeys.set(policy, key);
    }
    return key;
  }
}

/** A shard's cache file (`NAME.shard-K-of-N`): the other shards' files and the unsharded `NAME` beside it. */
function shardSiblings(file: string): string[] {
  const match = /^(.*)\.shard-\d+-of-\d+$/.exec(path.basename(file));
  if (!match) return [];
  const folder = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const sibling = new RegExp(`^${match[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.shard-\\d+-of-\\d+)?$`);
  return names.filter((name) => sibling.test(name) && name !== path.basename(file)).sort().map((name) => path.join(folder, name));
}

/** The entries, undefined for a cache of another version or format, 'corrupt' when unusable. */
function parseCacheFile(
  text: string,
  toolVersion: string,
): { entries: Map<string, CacheEntry>; summaries: Map<string, SummaryEntry> } | undefined | 'corrupt' {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'corrupt';
  }
  if (!isObject(data) || !isObject(data.entries)) return 'corrupt';
  if (data.format !== CACHE_FORMAT || data.version !== toolVersion) return undefined;
  const entries = new Map<string, CacheEntry>();
  for (const [file, entry] of Object.entries(data.entries)) {
    // A damaged entry costs that file a re-analysis, not the whole cache.
    if (isObject(entry) && typeof entry.key === 'string' && isAnalysisResult(entry.result)) {
      entries.set(file, { key: entry.key, result: entry.result });
    }
  }
  const summaries = new Map<string, SummaryEntry>();
  for (const [file, entry] of Object.entries(isObject(data.summaries) ? data.summaries : {})) {
    if (isObject(entry) && typeof entry.key === 'string' && isObject(entry.summary) && Array.isArray(entry.summary.functions)) {
      summaries.set(file, { key: entry.key, summary: entry.summary as unknown as FileSummary });
    }
  }
  return { entries, summaries };
}

function isAnalysisResult(value: unknown): value is AnalysisResult {
  return (
    isObject(value) &&
    Array.isArray(value.findings) &&
    Array.isArray(value.suppressed) &&
    Array.isArray(value.suppressions) &&
    Array.isArray(value.ruleFailures) &&
    (value.internalErrors === undefined || Array.isArray(value.internalErrors)) &&
    typeof value.hasSyntaxErrors === 'boolean'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The result as the cache keeps it: fixes that copy source text lose their edits. */
function withoutCopiedSource(result: AnalysisResult): AnalysisResult {
  const strip = (findings: readonly Finding[]): Finding[] =>
    findings.map((finding) =>
      finding.fixes.some((fix) => fix.copiesSourceText)
        ? { ...finding, fixes: finding.fixes.map((fix) => (fix.copiesSourceText ? { ...fix, edits: [] } : fix)) }
        : finding,
    );
  return { ...result, findings: strip(result.findings), suppressed: strip(result.suppressed) };
}

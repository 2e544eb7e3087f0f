// The facts a scan worker extracted while summarising files, kept for their analysis so each
// file is parsed once. Bounded by the source text they were extracted from (facts are a few
// times the text's size): once the budget is spent, later files are not kept and are parsed
// again when analysed. The first files are the ones kept because the analysis pass goes through
// the files in the same order, so their facts are used (and freed) first; in a pipelined scan
// (scan-runner.ts) a file's facts are freed as soon as the files it imports are summarised.

import { getHeapStatistics } from 'node:v8';
import type { PreparedFile } from '../../engine';

export class KeptFacts {
  private readonly byFile = new Map<string, { prepared: PreparedFile; contentHash: string }>();
  private chars = 0;

  /**
   * `budgetChars`: the most source text (UTF-16 code units) whose facts are held at once.
   * `heapShare`: nothing more is kept once the heap in use passes this share of the heap's limit
   * (a scan worker's is small: kept facts must never be what makes a file's analysis run out).
   */
  constructor(
    private readonly budgetChars: number,
    private readonly heapShare = 1,
  ) {}

  /** Keeps the facts if the budget allows; says whether it did. */
  keep(file: string, prepared: PreparedFile, contentHash: string): boolean {
    const size = prepared.facts.text.length;
    if (this.byFile.has(file) || this.chars + size > this.budgetChars) return false;
    if (this.heapShare < 1) {
      const heap = getHeapStatistics();
      if (heap.used_heap_size > heap.heap_size_limit * this.heapShare) return false;
    }
    this.byFile.set(file, { prepared, contentHash });
    this.chars += size;
    return true;
  }

  /** The file's facts, no longer held here. */
  take(file: string): { prepared: PreparedFile; contentHash: string } | undefined {
    const entry = this.byFile.get(file);
    if (!entry) return undefined;
    this.byFile.delete(file);
    this.chars -= entry.prepared.facts.text.length;
    return entry;
  }

  get size(): number {
    return this.byFile.size;
  }
}

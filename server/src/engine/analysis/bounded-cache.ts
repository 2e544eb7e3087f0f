// A memo for answers that are cheap to compute again: it forgets everything when full, so a scan
// of a large monorepo (or a long editing session) cannot grow it without bound.

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The remembered value for `key`, or `compute()`'s, remembered. */
  get(key: K, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}

import { LRUCache } from 'lru-cache';

/**
 * A per-process read cache for data that changes rarely and carries a revision number in the database
 * (the catalogue). Each instance re-reads the revision at most every `checkEveryMs` and drops everything
 * when it moved, so several app instances converge within that interval without sharing memory.
 */
export class RevisionCache {
  private readonly entries: LRUCache<string, { value: unknown }>;
  private revision = -1;
  private checkedAt = 0;
  private pendingCheck: Promise<void> | undefined;

  constructor(private readonly readRevision: () => Promise<number>, private readonly checkEveryMs: number, maxEntries = 2000) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.refresh();
    const hit = this.entries.get(key);
    if (hit) return hit.value as T;
    const revisionAtStart = this.revision;
    const value = await compute();
    // A value computed while the revision moved may be stale; hand it out but do not keep it.
    if (revisionAtStart === this.revision) this.entries.set(key, { value });
    return value;
  }

  private async refresh(): Promise<void> {
    if (Date.now() - this.checkedAt < this.checkEveryMs && this.checkedAt !== 0) return;
    this.pendingCheck ??= (async () => {
      try {
        const revision = await this.readRevision();
        if (revision !== this.revision) {
          this.entries.clear();
          this.revision = revision;
        }
        this.checkedAt = Date.now();
      } finally {
        this.pendingCheck = undefined;
      }
    })();
    await this.pendingCheck;
  }
}

// Content hashes remembered by file identity, so that a rebuild need not read and hash every
// source again: at 10,000 reports reading and hashing 181 MB cost ~0.37 s of the main thread,
// about a third of a rebuild after one changed report.
//
// A remembered hash is used only when the file's device, inode, size, modification time and
// change time are all what they were when it was hashed. Any write changes the change time
// (which no tool can set back, unlike the modification time), but the file system stamps times
// with a coarse clock (a few ms): a file written twice within one tick could keep both times.
// So a hash is remembered only for a file whose times were already more than `settleMs` old
// when it was stat'ed: any later write then carries a later time, on any file system whose
// clock ticks are no coarser than that (the same rule as git's "racily clean" index entries).
// A file changed during the last seconds before a run is simply hashed again.
import { readFileSync, renameSync, writeFileSync, type Stats } from "node:fs";

/** dev, ino, size, mtimeMs, ctimeMs, sha256 */
type Row = [number, number, number, number, number, string];

const FORMAT = 1;

export class HashMemo {
  private readonly old = new Map<string, Row>();
  private readonly next = new Map<string, Row>();
  /** `set` remembered a hash this run: the memo must be written. */
  private added = false;

  /**
   * `path`: the memo file (read now if it exists; `save` writes it). `settleMs`: how old a
   * file's times must be, when it is stat'ed, for its hash to be remembered.
   */
  constructor(
    private readonly path: string,
    private readonly settleMs = 2000,
  ) {
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as { format?: number; files?: Record<string, Row> };
      if (data.format === FORMAT && data.files) for (const [k, v] of Object.entries(data.files)) this.old.set(k, v);
    } catch {
      // No memo yet (or an unreadable one): every file is hashed.
    }
  }

  /** The remembered hash of the file at `path` whose stat (taken at `statAt`, ms since the epoch) is `st`, or null. */
  get(path: string, st: Stats, statAt: number): string | null {
    const row = this.old.get(path);
    if (!row || row[0] !== st.dev || row[1] !== st.ino || row[2] !== st.size || row[3] !== st.mtimeMs || row[4] !== st.ctimeMs) return null;
    if (this.settled(st, statAt)) this.next.set(path, row);
    return row[5];
  }

  /** Remembers the hash of the bytes read from the file whose stat was `st` (if it is settled). */
  set(path: string, st: Stats, statAt: number, sha: string): void {
    if (!this.settled(st, statAt)) return;
    this.next.set(path, [st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs, sha]);
    this.added = true;
  }

  private settled(st: Stats, statAt: number): boolean {
    return Math.max(st.mtimeMs, st.ctimeMs) < statAt - this.settleMs;
  }

  /** Writes the hashes of this run's files (those of files not seen are dropped), if anything changed. */
  save(): void {
    if (!this.added && this.next.size === this.old.size) return;
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, files: Object.fromEntries(this.next) }));
    renameSync(tmp, this.path);
  }
}

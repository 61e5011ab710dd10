/** One stored version of a KV v2 secret. */
export interface KvVersion {
  data: Readonly<Record<string, unknown>>;
  createdTime: string;
  /** When the version was soft-deleted (`vault kv delete`); '' when it was not. */
  deletionTime: string;
  /** Whether the version was destroyed (`vault kv destroy`). */
  destroyed: boolean;
}

/** The answer to a read of one KV path. */
export type KvReadResult =
  | { kind: 'found'; version: number; entry: KvVersion }
  | { kind: 'gone'; version: number; entry: KvVersion }
  | { kind: 'missing' };

/**
 * A KV secrets engine mount, version 1 (one value per path) or 2 (every write is a new
 * version; versions can be deleted or destroyed).
 */
export class KvMount {
  private readonly secrets = new Map<string, KvVersion[]>();

  constructor(
    readonly version: 1 | 2,
    private readonly now: () => number,
  ) {}

  /** Writes `data` at `path`; returns the new version (always 1 on KV v1, which keeps one). */
  write(path: string, data: Readonly<Record<string, unknown>>): number {
    const entry: KvVersion = {
      data: structuredClone(data),
      createdTime: new Date(this.now()).toISOString(),
      deletionTime: '',
      destroyed: false,
    };
    const versions = this.version === 1 ? [] : (this.secrets.get(path) ?? []);
    versions.push(entry);
    this.secrets.set(path, versions);
    return versions.length;
  }

  /** Reads a version (0 or absent: the current one). */
  read(path: string, version = 0): KvReadResult {
    const versions = this.secrets.get(path);
    if (versions === undefined) return { kind: 'missing' };
    const number = version === 0 ? versions.length : version;
    const entry = versions[number - 1];
    if (entry === undefined) return { kind: 'missing' };
    const gone = entry.destroyed || entry.deletionTime !== '';
    return { kind: gone ? 'gone' : 'found', version: number, entry };
  }

  /** Soft-deletes a version, as `vault kv delete -versions=N`. */
  deleteVersion(path: string, version: number): void {
    this.entry(path, version).deletionTime = new Date(this.now()).toISOString();
  }

  /** Destroys a version's data for good, as `vault kv destroy -versions=N`. */
  destroyVersion(path: string, version: number): void {
    const entry = this.entry(path, version);
    entry.destroyed = true;
    entry.data = {};
  }

  private entry(path: string, version: number): KvVersion {
    const entry = this.secrets.get(path)?.[version - 1];
    if (entry === undefined || this.version === 1) {
      throw new Error(`the emulator has no KV v2 version ${version} of "${path}"`);
    }
    return entry;
  }
}

/**
 * Idempotency-Key handling as the contract defines it: the same key with the same body returns the
 * stored response; the same key with a different body is a 422 `idempotency_mismatch`.
 * Keys are kept for 24 hours.
 */
export interface StoredResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Entry {
  fingerprint: string;
  response: Promise<StoredResponse>;
  at: number;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /**
   * Runs `create` once per (scope, key). Returns the stored response on a repeat with the same
   * fingerprint, or `'mismatch'` when the key was used with a different request.
   */
  async run(scope: string, key: string, fingerprint: string, create: () => Promise<StoredResponse> | StoredResponse): Promise<StoredResponse | 'mismatch'> {
    this.sweep();
    const id = `${scope}\u0000${key}`;
    const existing = this.entries.get(id);
    if (existing) return existing.fingerprint === fingerprint ? existing.response : 'mismatch';
    // Stored before it settles, so a concurrent repeat (a double click) waits for the same answer.
    const response = Promise.resolve().then(create);
    this.entries.set(id, { fingerprint, response, at: this.now() });
    const settled = await response.catch((error: unknown) => {
      this.entries.delete(id);
      throw error;
    });
    // Only successful creations are replayed; after an error the same key may be tried again.
    if (settled.status >= 400) this.entries.delete(id);
    return settled;
  }

  private sweep(): void {
    const limit = this.now() - IDEMPOTENCY_TTL_MS;
    for (const [id, entry] of this.entries) if (entry.at < limit) this.entries.delete(id);
  }
}

/** A stable fingerprint of a JSON body (key order does not matter). */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(canonical(value));
}

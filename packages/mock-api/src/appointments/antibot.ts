/**
 * Proof-of-work challenges as the contract's "Proof of work" section describes them, signed and
 * verified with WebCrypto HMAC-SHA-256 (`crypto.subtle`, so the same code runs in a browser and in
 * Node): `challenge = base64url(16 random bytes) + "." + expiresAtUnixSeconds + "." + difficulty`,
 * `signature = base64url(HMAC-SHA-256(secret, challenge))`. Verification is stateless apart from
 * the list of used challenges, kept until they expire.
 */
import { powIsValid } from '@civic-elements/core/antibot';

/** A challenge is valid this long (the contract asks for at least 5 minutes). */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: number;
  signature: string;
}

export type ProofCheck = { ok: true; expiresAt: number } | { ok: false; reason: string };

export class Antibot {
  private key: Promise<CryptoKey> | undefined;
  private readonly used = new Map<string, number>();

  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => number,
  ) {}

  private hmacKey(): Promise<CryptoKey> {
    this.key ??= crypto.subtle.importKey('raw', this.secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    return this.key;
  }

  async issue(difficulty: number): Promise<Challenge> {
    const expiresAt = this.now() + CHALLENGE_TTL_MS;
    const challenge = `${base64url(crypto.getRandomValues(new Uint8Array(16)))}.${Math.floor(expiresAt / 1000)}.${difficulty}`;
    const mac = await crypto.subtle.sign('HMAC', await this.hmacKey(), new TextEncoder().encode(challenge));
    return { challenge, difficulty, expiresAt: Math.floor(expiresAt / 1000) * 1000, signature: base64url(new Uint8Array(mac)) };
  }

  /** Checks signature, expiry, work and reuse. Does not mark the challenge used (see `consume`). */
  async verify(proof: { challenge: string; nonce: string; signature: string }): Promise<ProofCheck> {
    const m = /^([A-Za-z0-9_-]{8,})\.(\d{1,12})\.(\d{1,2})$/.exec(proof.challenge);
    const mac = fromBase64url(proof.signature);
    if (!m || !mac) return { ok: false, reason: 'The proof of work is malformed.' };
    const valid = await crypto.subtle.verify('HMAC', await this.hmacKey(), mac as BufferSource, new TextEncoder().encode(proof.challenge));
    if (!valid) return { ok: false, reason: 'The challenge was not issued by this server.' };
    const expiresAt = Number(m[2]) * 1000;
    if (expiresAt <= this.now()) return { ok: false, reason: 'The challenge has expired.' };
    this.sweep();
    if (this.used.has(proof.challenge)) return { ok: false, reason: 'The challenge was already used.' };
    if (!powIsValid(proof.challenge, Number(proof.nonce), Number(m[3]))) return { ok: false, reason: 'The proof of work is not sufficient.' };
    return { ok: true, expiresAt };
  }

  /** Marks a verified challenge as used (once a hold was made with it). */
  consume(challenge: string, expiresAt: number): void {
    this.used.set(challenge, expiresAt);
  }

  private sweep(): void {
    const now = this.now();
    for (const [c, exp] of this.used) if (exp <= now) this.used.delete(c);
  }
}

/**
 * Proof-of-work challenges as `openapi.yaml` specifies them (stateless HMAC-signed challenge
 * `base64url(16 bytes).expiresAtUnixSeconds.difficulty`). Used challenges are remembered in the
 * database until they expire, so a challenge works once across every server process.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { powIsValid } from '@civic-elements/core/antibot';
import type { Queryable } from './db.js';

export const CHALLENGE_TTL_MS = 10 * 60 * 1000;

const b64url = (b: Buffer) => b.toString('base64url');

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: number;
  signature: string;
}

export type ProofCheck = { ok: true; expiresAt: number } | { ok: false; reason: string };

export class Antibot {
  constructor(private readonly secret: Uint8Array) {}

  private sign(challenge: string): Buffer {
    return createHmac('sha256', this.secret).update(challenge, 'utf8').digest();
  }

  issue(difficulty: number, now: number): Challenge {
    const expiresAt = Math.floor((now + CHALLENGE_TTL_MS) / 1000) * 1000;
    const challenge = `${b64url(randomBytes(16))}.${expiresAt / 1000}.${difficulty}`;
    return { challenge, difficulty, expiresAt, signature: b64url(this.sign(challenge)) };
  }

  /** Signature, expiry and work; whether the challenge was used is checked by `consume`. */
  verify(proof: { challenge: string; nonce: string; signature: string }, now: number): ProofCheck {
    const m = /^([A-Za-z0-9_-]{8,})\.(\d{1,12})\.(\d{1,2})$/.exec(proof.challenge);
    if (!m || !/^[A-Za-z0-9_-]+$/.test(proof.signature)) return { ok: false, reason: 'The proof of work is malformed.' };
    // Compared as text: base64url's last character has unused bits, so two strings can decode alike.
    const given = Buffer.from(proof.signature, 'utf8');
    const expected = Buffer.from(b64url(this.sign(proof.challenge)), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'The challenge was not issued by this server.' };
    const expiresAt = Number(m[2]) * 1000;
    if (expiresAt <= now) return { ok: false, reason: 'The challenge has expired.' };
    if (!powIsValid(proof.challenge, Number(proof.nonce), Number(m[3]))) return { ok: false, reason: 'The proof of work is not sufficient.' };
    return { ok: true, expiresAt };
  }

  /** Marks the challenge used (in the caller's transaction); false when it was used before. */
  async consume(tx: Queryable, challenge: string, expiresAt: number, now: number): Promise<boolean> {
    await tx.query('DELETE FROM used_challenges WHERE expires_at <= $1', [now]);
    const r = await tx.query('INSERT INTO used_challenges (challenge, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING challenge', [challenge, expiresAt]);
    return r.rowCount === 1;
  }
}

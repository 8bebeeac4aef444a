/**
 * Back-end settings every Civic Elements back end honours (mock and reference server alike), as
 * documented in packages/contract/README.md. Test mode is a setting, never a code path that only
 * tests take: `CIVIC_TEST_MODE=1` just changes the defaults of the three settings below.
 */
export interface BackendSettings {
  /** Leading zero bits the proof of work needs (default 16 ≈ 0.8 s in a browser; test mode 1). */
  powDifficulty: number;
  /** Rate limits on lookups, holds and tickets (default on; test mode off). */
  rateLimits: boolean;
  /** Lifetime of a slot hold in seconds (default 600; test mode 5). */
  holdTtlSeconds: number;
}

export const DEFAULT_SETTINGS: BackendSettings = { powDifficulty: 16, rateLimits: true, holdTtlSeconds: 600 };
export const TEST_MODE_SETTINGS: BackendSettings = { powDifficulty: 1, rateLimits: false, holdTtlSeconds: 5 };

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

/** Reads the settings from environment variables (Node) or any string map. */
export function settingsFromEnv(env: Record<string, string | undefined>): BackendSettings {
  const base = env.CIVIC_TEST_MODE === '1' || env.CIVIC_TEST_MODE === 'true' ? TEST_MODE_SETTINGS : DEFAULT_SETTINGS;
  const rate = env.CIVIC_RATE_LIMITS;
  if (rate !== undefined && rate !== '' && rate !== 'on' && rate !== 'off') throw new Error('CIVIC_RATE_LIMITS must be on or off');
  return {
    powDifficulty: int(env.CIVIC_POW_DIFFICULTY, 'CIVIC_POW_DIFFICULTY') ?? base.powDifficulty,
    rateLimits: rate === undefined || rate === '' ? base.rateLimits : rate === 'on',
    holdTtlSeconds: int(env.CIVIC_HOLD_TTL_SECONDS, 'CIVIC_HOLD_TTL_SECONDS') ?? base.holdTtlSeconds,
  };
}

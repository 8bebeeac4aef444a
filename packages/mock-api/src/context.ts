/**
 * The context every mock domain (appointments, cases, chat, queues, offices) receives: one clock,
 * one set of settings, one materialised seed, shared idempotency and event hubs.
 */
import { loadSeed, negotiateLanguage, type Seed, type SeedVariant } from '@civic-elements/contract/seed';
import { systemClock, type Clock } from './support/clock.js';
import { DEFAULT_SETTINGS, type BackendSettings } from './support/settings.js';
import { IdempotencyStore } from './support/idempotency.js';
import { EventHub } from './support/event-hub.js';

export interface MockContext {
  clock: Clock;
  settings: BackendSettings;
  /** The seed, materialised once against `clock.now()` when the context was made. */
  seed: Seed;
  idempotency: IdempotencyStore;
  /** The event hub of a channel (e.g. `case:c-4711`, `queue:buergerbuero-mitte`), made on first use. */
  hub(channel: string): EventHub;
  /** HMAC key for proof-of-work challenges (and any other server-side signature). */
  secret: Uint8Array;
  /** URL prefix of every handler: `*` matches any api-base (`*\/v1/services`), or e.g. `https://api.example`. */
  base: string;
  /** The value the staff operations expect in `X-Staff-Key`. */
  staffKey: string;
  /** The best supported language for the request's `Accept-Language` (fallback `de`). */
  lang(request: Request): string;
}

export interface MockContextOptions {
  clock?: Clock;
  settings?: Partial<BackendSettings>;
  /** A ready seed; otherwise `loadSeed({ now: clock.now(), variant })`. */
  seed?: Seed;
  variant?: SeedVariant;
  /** HMAC key; default: 32 random bytes (a string is taken as its UTF-8 bytes). */
  secret?: Uint8Array | string;
  base?: string;
  /** Default: the seed's `town.staffKey` (the documented demo key). */
  staffKey?: string;
}

export function createContext(options: MockContextOptions = {}): MockContext {
  const clock = options.clock ?? systemClock;
  const settings: BackendSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const seed = options.seed ?? loadSeed({ now: clock.now(), variant: options.variant ?? 'default' });
  const secret =
    typeof options.secret === 'string'
      ? new TextEncoder().encode(options.secret)
      : (options.secret ?? crypto.getRandomValues(new Uint8Array(32)));
  const hubs = new Map<string, EventHub>();
  return {
    clock,
    settings,
    seed,
    idempotency: new IdempotencyStore(() => clock.now()),
    hub(channel) {
      let hub = hubs.get(channel);
      if (!hub) {
        hub = new EventHub();
        hubs.set(channel, hub);
      }
      return hub;
    },
    secret,
    base: (options.base ?? '*').replace(/\/+$/, ''),
    staffKey: options.staffKey ?? seed.town.staffKey,
    lang: (request) => negotiateLanguage(request.headers.get('Accept-Language'), seed.town.languages),
  };
}

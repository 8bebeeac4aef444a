/**
 * Schema migrations, applied in order by `migrate()` (db.ts) on PGlite and on PostgreSQL alike.
 * Never edit an applied migration: add a new one. Instants are milliseconds since the epoch
 * (bigint); personal data lives only in `bookings.contact`, `bookings.note`, `waitlist.email` and
 * `notifications` (and is purged by the retention job).
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'appointments',
    statements: [
      `CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)`,
      // Seats of one slot unit. The CHECK makes overselling impossible whatever the code does.
      `CREATE TABLE slot_units (
        location_id text NOT NULL,
        start_ms bigint NOT NULL,
        capacity integer NOT NULL,
        used integer NOT NULL DEFAULT 0,
        PRIMARY KEY (location_id, start_ms),
        CONSTRAINT seats_never_oversold CHECK (used >= 0 AND used <= capacity)
      )`,
      `CREATE TABLE holds (
        id uuid PRIMARY KEY,
        location_id text NOT NULL,
        services jsonb NOT NULL,
        type text NOT NULL,
        units bigint[] NOT NULL,
        start_ms bigint NOT NULL,
        end_ms bigint NOT NULL,
        expires_at bigint NOT NULL,
        extensions_left integer NOT NULL,
        state text NOT NULL CHECK (state IN ('active', 'released', 'consumed', 'expired', 'invalidated')),
        created_at bigint NOT NULL
      )`,
      `CREATE INDEX holds_active_expiry ON holds (expires_at) WHERE state = 'active'`,
      `CREATE TABLE bookings (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        manage_token_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        location_id text NOT NULL,
        services jsonb NOT NULL,
        type text NOT NULL,
        units bigint[] NOT NULL,
        start_ms bigint NOT NULL,
        end_ms bigint NOT NULL,
        contact jsonb,
        email_key text,
        note text,
        locale text NOT NULL,
        join_url text,
        created_at bigint NOT NULL,
        cancelled_at bigint,
        cancelled_by text,
        cancellation_reason text,
        sequence integer NOT NULL DEFAULT 0,
        applied_holds uuid[] NOT NULL,
        purged_at bigint
      )`,
      `CREATE INDEX bookings_email ON bookings (email_key) WHERE status = 'confirmed'`,
      `CREATE TABLE blocks (
        id uuid PRIMARY KEY,
        location_id text NOT NULL,
        from_ms bigint NOT NULL,
        to_ms bigint NOT NULL,
        services text[],
        reason text NOT NULL,
        created_at bigint NOT NULL,
        released boolean NOT NULL DEFAULT false,
        blocked_slots integer NOT NULL,
        cancelled_bookings jsonb NOT NULL DEFAULT '[]'
      )`,
      `CREATE TABLE waitlist (
        id uuid PRIMARY KEY,
        services jsonb NOT NULL,
        location_id text,
        type text NOT NULL,
        from_date text NOT NULL,
        to_date text NOT NULL,
        email text,
        locale text NOT NULL,
        created_at bigint NOT NULL
      )`,
      `CREATE TABLE idempotency (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer,
        body jsonb,
        headers jsonb,
        created_at bigint NOT NULL,
        PRIMARY KEY (scope, key)
      )`,
      `CREATE TABLE used_challenges (challenge text PRIMARY KEY, expires_at bigint NOT NULL)`,
      `CREATE TABLE service_texts (
        service_id text NOT NULL,
        locale text NOT NULL,
        name text,
        description text,
        PRIMARY KEY (service_id, locale)
      )`,
      // Transactional outbox: written in the same transaction as the change it reports.
      `CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        recipient text,
        locale text NOT NULL,
        data jsonb NOT NULL,
        created_at bigint NOT NULL,
        delivered_at bigint
      )`,
    ],
  },
  {
    version: 2,
    name: 'cases',
    statements: [
      // The case as the case system holds it (the seed's Case shape, second factors included).
      `CREATE TABLE cases (
        id text PRIMARY KEY,
        reference_norm text NOT NULL UNIQUE,
        data jsonb NOT NULL,
        revision integer NOT NULL
      )`,
      `CREATE TABLE case_tokens (
        token_hash text PRIMARY KEY,
        case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        expires_at bigint NOT NULL
      )`,
      `CREATE INDEX case_tokens_expiry ON case_tokens (expires_at)`,
    ],
  },
];

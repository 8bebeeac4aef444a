/**
 * Schema migrations, applied in order by `migrate()` (db.ts) on PGlite and on PostgreSQL alike.
 * Never edit an applied migration: add a new one. Instants are milliseconds since the epoch
 * (bigint); personal data lives only in `bookings.contact`, `bookings.note`, `waitlist.email`,
 * `notifications` and the chat tables (messages, attachments, offline messages), and is purged by
 * the retention job.
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
  {
    version: 3,
    name: 'chat',
    statements: [
      // Staff overrides of the desk (updateChatDesk), shared by every process.
      `CREATE TABLE chat_desk (id integer PRIMARY KEY CHECK (id = 1), overrides jsonb NOT NULL)`,
      `CREATE TABLE chat_conversations (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('waiting', 'active', 'ended')),
        locale text NOT NULL,
        topic text,
        agent_name text,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        ended_at bigint,
        ended_by text CHECK (ended_by IN ('citizen', 'agent', 'system')),
        last_seq integer NOT NULL DEFAULT 0,
        staff_typing jsonb,
        typing_rev integer NOT NULL DEFAULT 0,
        citizen_typing jsonb
      )`,
      `CREATE INDEX chat_conversations_open ON chat_conversations (created_at) WHERE status <> 'ended'`,
      `CREATE INDEX chat_conversations_updated ON chat_conversations (updated_at)`,
      // Durable events of a conversation (messages, agent_joined, conversation_ended) by seq; a
      // citizen's clientId is unique per conversation, so a message can never be stored twice.
      `CREATE TABLE chat_events (
        conversation_id uuid NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('message', 'agent_joined', 'conversation_ended')),
        data jsonb NOT NULL,
        client_id text,
        fingerprint text,
        PRIMARY KEY (conversation_id, seq),
        CONSTRAINT chat_client_id_once UNIQUE (conversation_id, client_id)
      )`,
      `CREATE TABLE chat_attachments (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL,
        size integer NOT NULL,
        bytes bytea NOT NULL,
        created_at bigint NOT NULL,
        sent boolean NOT NULL DEFAULT false
      )`,
      `CREATE INDEX chat_attachments_conversation ON chat_attachments (conversation_id)`,
      `CREATE TABLE chat_offline_messages (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text,
        text text NOT NULL,
        locale text NOT NULL,
        topic text,
        received_at bigint NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'queues',
    statements: [
      // Per queue: staff overrides of the seed's texts (a present key wins, null removes), online
      // tickets on/off, the latest calls (newest first, each with the revision it was made at).
      `CREATE TABLE queue_state (
        location_id text PRIMARY KEY,
        overrides jsonb NOT NULL DEFAULT '{}',
        tickets_online boolean NOT NULL,
        calls jsonb NOT NULL DEFAULT '[]',
        ticker_rev integer NOT NULL DEFAULT 0,
        revision integer NOT NULL,
        updated_at bigint NOT NULL
      )`,
      `CREATE TABLE office_state (
        office_id text PRIMARY KEY,
        tickets_online boolean NOT NULL,
        revision integer NOT NULL,
        updated_at bigint NOT NULL
      )`,
      // busy_with: the ticket in a call with the chair ('seed': a call the seed started).
      `CREATE TABLE office_chairs (
        office_id text NOT NULL,
        chair_id text NOT NULL,
        name text NOT NULL,
        open boolean NOT NULL,
        busy_with text,
        PRIMARY KEY (office_id, chair_id)
      )`,
      `CREATE TABLE ticket_counters (
        kind text NOT NULL,
        place text NOT NULL,
        day text NOT NULL,
        prefix text NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (kind, place, day, prefix)
      )`,
      // A ticket of a queue (place = location id) or a virtual office (place = office id). Its
      // number is unique per place and local day whatever the code does. notify (e-mail) is
      // personal data: cleared when the ticket ends, the ticket deleted by retention.
      `CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('queue', 'office')),
        place text NOT NULL,
        day text NOT NULL,
        number text NOT NULL,
        token_hash text UNIQUE,
        service_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('waiting', 'called', 'served', 'missed', 'cancelled')),
        desk text,
        called_at bigint,
        called_rev integer,
        join_url text,
        chair_id text,
        notify jsonb,
        notified_ahead boolean NOT NULL DEFAULT false,
        locale text NOT NULL,
        shown text,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        revision integer NOT NULL,
        CONSTRAINT ticket_number_once_per_day UNIQUE (kind, place, day, number)
      )`,
      `CREATE INDEX tickets_waiting ON tickets (kind, place, created_at) WHERE state = 'waiting'`,
      `CREATE INDEX tickets_updated ON tickets (updated_at)`,
    ],
  },
];

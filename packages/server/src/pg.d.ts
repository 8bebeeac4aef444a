/**
 * The part of `pg` (node-postgres 8) the server uses. @types/pg is not installed; this minimal
 * declaration covers Pool, Client, notifications and type parsers.
 */
declare module 'pg' {
  interface QueryResult {
    rows: unknown[];
    rowCount: number | null;
  }
  interface Notification {
    channel: string;
    payload?: string;
  }
  interface CustomTypesConfig {
    getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown;
  }
  interface ClientConfig {
    connectionString?: string;
    types?: CustomTypesConfig;
  }
  interface PoolConfig extends ClientConfig {
    max?: number;
  }
  class PoolClient {
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    release(error?: Error | boolean): void;
  }
  class Pool {
    constructor(config?: PoolConfig);
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    connect(): Promise<PoolClient>;
    end(): Promise<void>;
    on(event: 'error', fn: (error: Error) => void): this;
  }
  class Client {
    constructor(config?: ClientConfig);
    connect(): Promise<void>;
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    end(): Promise<void>;
    on(event: 'notification', fn: (message: Notification) => void): this;
    on(event: 'error', fn: (error: Error) => void): this;
  }
  type TypeParsers = { getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown };
  const pg: { Pool: typeof Pool; Client: typeof Client; types: TypeParsers };
  export default pg;
  export type { Pool, Client, PoolClient, CustomTypesConfig, Notification, QueryResult };
}

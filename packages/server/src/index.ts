export { startServer, type RunningServer, type StartOptions } from './server.js';
export { configFromEnv, ConfigError, type ServerConfig } from './config.js';
export { createApp, type Handler, type Handlers, type RequestContext, type ServerContext, type Clock } from './app.js';
export { Contract, type OperationSpec, type FieldError } from './contract.js';
export { openDb, openPglite, openPostgres, migrate, type Db, type Queryable } from './db.js';
export { MIGRATIONS } from './migrations.js';
export { jsonLogger, silentLogger, type Logger } from './log.js';
export { buildIcs, foldLine, icsText } from '@civic-elements/mock-api/ics';

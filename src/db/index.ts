/** Database layer: the Prisma client over PostgreSQL or embedded PGlite, and the start-up migrator. */
export {
  createDatabase,
  DataDirBusyError,
  defaultMigrationsDir,
  MEMORY_DATA_DIR,
  type CreateDatabaseOptions,
  type Database,
  type DatabaseLogger,
} from './client.js';
export {
  applyMigrations,
  migrationChecksum,
  pgExecutor,
  readMigrationFiles,
  MigrationError,
  PRISMA_ADVISORY_LOCK_KEY,
  type ApplyMigrationsOptions,
  type MigrationFileInfo,
  type MigrationLogger,
  type PgQueryable,
  type SqlExecutor,
} from './migrator.js';
export { ident, list, prismaSql, type DriverSql } from './sql.js';
export { packageRoot } from '../paths.js';
export { Prisma, PrismaClient } from '../generated/prisma/client.js';

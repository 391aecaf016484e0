// Prisma CLI configuration. The CLI runs its schema engine as WebAssembly through the SQLite driver
// adapter, so nothing is downloaded at install or run time. The CLI is only used to generate clients
// and to write migrations (`prisma migrate diff`), which need no database: an in-memory one will do.
// The app applies migrations itself (src/db/migrate.ts).
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' }),
});

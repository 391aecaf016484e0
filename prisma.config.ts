// Prisma CLI configuration. The CLI runs its schema engine as WebAssembly through the SQLite driver
// adapter, so nothing is downloaded at install or run time.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  adapter: async () => new PrismaBetterSQLite3({ url: 'file:./data/prisma-cli.db' }),
});

// Shared by the schema scripts and by the test that checks the derived files are up to date.
import { readFileSync } from 'node:fs';

export const CANONICAL_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/postgres/schema.prisma';
export const MIGRATION_DIRS = { sqlite: 'prisma/migrations/sqlite', postgres: 'prisma/migrations/postgres' };

/** The Postgres schema is the canonical one with the provider, datasource URL and client output swapped. */
export function derivePostgresSchema(canonical = readFileSync(CANONICAL_SCHEMA, 'utf8')) {
  const out = canonical
    .replace(
      /^\/\/ Canonical schema \(SQLite\)\..*\n(\/\/.*\n)*/m,
      '// GENERATED from prisma/schema.prisma by `npm run db:schema`. Do not edit.\n',
    )
    .replace(
      'output       = "../src/db/generated/sqlite"',
      'output       = "../../src/db/generated/postgres"',
    )
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/dev.db"', 'url      = "postgresql://localhost:5432/coach"');
  if (out === canonical || !out.includes('provider = "postgresql"') || !out.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma no longer has the lines the Postgres derivation replaces');
  }
  return out;
}

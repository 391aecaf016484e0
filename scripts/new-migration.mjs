#!/usr/bin/env node
// Creates a migration for both providers from the difference between the last committed schema
// snapshot and the current schema: `npm run db:migration -- <name>`.
// Each migration folder holds migration.sql (applied by the app) and schema.prisma (the schema it
// leads to, so the next diff needs no database).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_SCHEMA, derivePostgresSchema, MIGRATION_DIRS, POSTGRES_SCHEMA } from './schema-lib.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <snake_case_name>');
  process.exit(2);
}
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/nonexistent', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema());

for (const [provider, dir] of Object.entries(MIGRATION_DIRS)) {
  const schema = provider === 'sqlite' ? CANONICAL_SCHEMA : POSTGRES_SCHEMA;
  mkdirSync(dir, { recursive: true });
  const previous = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'schema.prisma')))
    .sort()
    .at(-1);
  const from = previous
    ? ['--from-schema-datamodel', join(dir, previous, 'schema.prisma')]
    : ['--from-empty'];
  const sql = execFileSync(
    process.execPath,
    [
      'node_modules/prisma/build/index.js',
      'migrate',
      'diff',
      ...from,
      '--to-schema-datamodel',
      schema,
      '--script',
    ],
    { env, encoding: 'utf8' },
  );
  const folder = join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'migration.sql'), sql);
  execFileSync('cp', [schema, join(folder, 'schema.prisma')]);
  console.log(`wrote ${folder}/migration.sql`);
}

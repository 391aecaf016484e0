#!/usr/bin/env node
// Generates both Prisma clients (SQLite and Postgres) after install. Works offline: the client uses
// driver adapters and the CLI's WebAssembly engine, so no engine binary is downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CANONICAL_SCHEMA, POSTGRES_SCHEMA } from './schema-lib.mjs';

if (!existsSync(CANONICAL_SCHEMA)) process.exit(0); // installed as a dependency of something else
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/nonexistent', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
for (const schema of [CANONICAL_SCHEMA, POSTGRES_SCHEMA]) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env,
  });
}

#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from the canonical schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { derivePostgresSchema, POSTGRES_SCHEMA } from './schema-lib.mjs';

mkdirSync(dirname(POSTGRES_SCHEMA), { recursive: true });
writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema());
console.log(`wrote ${POSTGRES_SCHEMA}`);

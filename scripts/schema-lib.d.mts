export const CANONICAL_SCHEMA: string;
export const POSTGRES_SCHEMA: string;
export const MIGRATION_DIRS: { sqlite: string; postgres: string };
export function derivePostgresSchema(canonical?: string): string;

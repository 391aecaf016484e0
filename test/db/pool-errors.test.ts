// Postgres ending the app's idle connections (a restart, a failover, an administrator) does not end
// the process: the next transaction opens a fresh connection.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresSql } from '../../src/db/sql';
import { POSTGRES_URL, postgresTestDatabase } from '../support/db';

describe.runIf(POSTGRES_URL)('the direct SQL pool on Postgres', () => {
  it('survives the server ending its idle connections', async () => {
    const database = await postgresTestDatabase();
    const sql = openPostgresSql(database.url, 2);
    try {
      // Two connections in the pool, both idle afterwards.
      await Promise.all([1, 2].map(() => sql.transaction((tx) => tx.get('SELECT 1 AS one'))));
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThanOrEqual(2);
      // Until pg has seen the connections end, a query may still pick one up and fail; after that,
      // the pool reconnects. Retried here as a caller would on its next request.
      let result: { one: number } | undefined;
      for (let attempt = 0; attempt < 20 && !result; attempt++) {
        result = await sql
          .transaction((tx) => tx.get<{ one: number }>('SELECT 1 AS one'))
          .catch(() => undefined);
      }
      expect(result).toEqual({ one: 1 });
    } finally {
      await sql.close();
      await database.drop();
    }
  });
});

// A separate process for test/db/sqlite-transactions.test.ts: opens the app's database like the app
// does, waits for "go" on stdin, then runs read-then-write transactions against a shared counter and
// prints one JSON line: how many committed and the codes of those that failed.
//   node --import tsx test/db/support/writer.ts <DATABASE_URL> <name> <transactions>
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../src/db/client';
import { readThenWrite } from './read-then-write';

/** This file, for spawning it. */
export const WRITER_SCRIPT = fileURLToPath(import.meta.url);

async function main(url: string, name: string, count: number): Promise<void> {
  const database = await openDatabase(url, { migrate: false });
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  lines.close();
  const result = await readThenWrite(database.db, name, count);
  await database.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] === WRITER_SCRIPT) {
  const [url, name, count] = process.argv.slice(2);
  if (!url || !name || !count) throw new Error('usage: writer.ts <DATABASE_URL> <name> <transactions>');
  await main(url, name, Number(count));
}

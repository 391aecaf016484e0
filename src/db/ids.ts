// Ids for rows written without Prisma (db/sql.ts), in the shape of the cuids Prisma writes: a letter,
// the time, a counter and randomness, so they sort roughly by creation like the others.
import { randomFillSync } from 'node:crypto';

let counter = 0;
// Randomness is drawn 8 KiB at a time (one call to the system's generator for 1,024 ids).
const pool = new BigUint64Array(1024);
let poolIndex = pool.length;

function random64(): bigint {
  if (poolIndex === pool.length) {
    randomFillSync(pool);
    poolIndex = 0;
  }
  return pool[poolIndex++]!;
}

export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(8, '0').slice(-8);
  const count = counter.toString(36).padStart(4, '0');
  const random = random64().toString(36).padStart(12, '0').slice(-12);
  return `c${time}${count}${random}`;
}

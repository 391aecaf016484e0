// Ids for rows written without Prisma (db/sql.ts), in the shape of the cuids Prisma writes: a letter,
// the time, a counter and randomness, so they sort roughly by creation like the others.
import { randomBytes } from 'node:crypto';

let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(8, '0').slice(-8);
  const count = counter.toString(36).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(12, '0')
    .slice(-12);
  return `c${time}${count}${random}`;
}

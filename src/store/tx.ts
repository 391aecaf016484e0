// Store functions take a client or an open transaction alike, so a service can run several of them in
// one transaction (see applyOnce in ./requests).
import type { Prisma } from '../db/client';

export type DbOrTx = Prisma.TransactionClient;

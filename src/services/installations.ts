// The app's OAuth installations, as an operator looks after them.
import type { Sealer } from '../core/seal';
import type { Db } from '../db/client';
import { resealInstallations, unopenedInstallations } from '../store/installations';

export interface KeyRotation {
  /** The id of the key every installation is sealed under now. */
  keyId: string;
  /** Installations sealed again under it (they were under a previous key). */
  resealed: number;
  /** Installations that were under it already. */
  alreadyCurrent: number;
}

/**
 * `coach rotate-key`: seals every installation under the current key, in one transaction. Throws a
 * SealError, changing nothing, when a value was sealed under a key the sealer does not hold.
 */
export async function rotateEncryptionKey(db: Db, sealer: Sealer): Promise<KeyRotation> {
  const counts = await resealInstallations(db, sealer);
  return { keyId: sealer.keyId, ...counts };
}

/** Thrown at start when the configured keys open none of the stored installations. */
export class WrongKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrongKeyError';
  }
}

/**
 * At start in OAuth mode: the keys must open the stored installations. When they open none (a wrong
 * ENCRYPTION_KEY), start fails with a message saying what to set; when only some, those are named.
 */
export async function checkInstallationKeys(db: Db, sealer: Sealer): Promise<{ unopened: string[] }> {
  const { total, unopened } = await unopenedInstallations(db, sealer);
  if (total > 0 && unopened.length === total) {
    throw new WrongKeyError(
      `ENCRYPTION_KEY (key ${sealer.keyId}) opens none of the ${total} stored installation(s): ` +
        `${unopened[0]?.problem}. Set ENCRYPTION_KEY to the key they were sealed with, or put that key in ` +
        'ENCRYPTION_KEY_PREVIOUS and run `coach rotate-key`.',
    );
  }
  return { unopened: unopened.map((u) => u.workspaceId) };
}

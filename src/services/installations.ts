// The app's OAuth installations, as an operator looks after them.
import type { Sealer } from '../core/seal';
import type { Db } from '../db/client';
import { resealInstallations } from '../store/installations';

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

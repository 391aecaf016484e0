// What the App Home shows: the member's whole picture, computed by the coaching layer.
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { ensureMember } from '../store/members';
import { loadSnapshot } from '../store/snapshot';

export async function homeSnapshot(db: Db, scope: Scope): Promise<MemberSnapshot> {
  return loadSnapshot(db, await ensureMember(db, scope));
}

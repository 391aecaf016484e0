// A member's data as a whole: everything for an export. Deleting all of it is `deleteMemberData` in
// ./erase (the same for `/coach forget` and a revoked token).
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { findMember } from './members';
import { loadSnapshot } from './snapshot';

/** Everything the member has, archived contacts included; null when they never used the app. */
export async function loadMemberData(db: Db, scope: Scope): Promise<MemberSnapshot | null> {
  const member = await findMember(db, scope);
  return member ? loadSnapshot(db, member) : null;
}

export interface DeletedCounts {
  contacts: number;
  asks: number;
  conversations: number;
  skills: number;
  keywords: number;
  nudges: number;
  memberships: number;
  member: number;
}

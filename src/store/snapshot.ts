// Everything one member has, for whole-picture computations (App Home, summaries, nudge planning).
import type { MemberSnapshot } from '../coaching/types';
import type { Db } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toAsk, toContact, toConversation, toKeyword, toPrefs, toSkill } from './mappers';

export async function loadSnapshot(db: Db, member: Member): Promise<MemberSnapshot> {
  const where = { workspaceId: member.workspaceId, ownerId: member.id };
  const [contacts, asks, conversations, skills, keywords] = await Promise.all([
    db.contact.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.ask.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.conversation.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.skill.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.keyword.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    prefs: toPrefs(member),
    contacts: contacts.map(toContact),
    asks: asks.map(toAsk),
    conversations: conversations.map(toConversation),
    skills: skills.map(toSkill),
    keywords: keywords.map(toKeyword),
  };
}

// Data a test starts from, put in through the services (no modal, no DM, no App Home publish): for
// tests about what comes next, so each one can set up its own starting point.
import { logConversation } from '../../src/services/log';
import { addTarget } from '../../src/services/targets';
import type { NewContact } from '../../src/store/contacts';
import { TEAM } from './fixtures';
import type { Harness } from './harness';
import { chatLog } from './nudges';

/** Puts `contact` on `userId`'s list at the harness's clock time; returns the contact's id. */
export async function seedTarget(h: Harness, userId: string, contact: NewContact): Promise<string> {
  const added = await addTarget(h.db, { workspaceId: TEAM.id, userId }, contact, h.clock.now());
  if (!added.ok) throw new Error(`seedTarget: ${contact.name} is on the list already`);
  return added.contact.id;
}

/** Logs a chat for `userId` at the harness's clock time (see chatLog); returns the conversation's id. */
export async function seedChat(
  h: Harness,
  userId: string,
  chat: Parameters<typeof chatLog>[0],
): Promise<string> {
  const logged = await logConversation(h.db, { workspaceId: TEAM.id, userId }, chatLog(chat), h.clock.now());
  if (!logged.ok) throw new Error(`seedChat: ${logged.problem}`);
  return logged.summary.card.conversationId;
}

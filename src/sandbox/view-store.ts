/**
 * Modal stacks, Home tabs and trigger ids.
 * Slack facts (Slack's Web API reference): a trigger_id is valid for 3 seconds and can be exchanged once;
 * a modal stack holds at most 3 views; `hash` guards views.update/views.publish against races.
 */
import type { IdFactory } from './ids';
import type { StoredView } from './types';

const TRIGGER_LIFETIME_MS = 3000;
export const MAX_VIEW_STACK = 3;

interface TriggerRecord {
  teamId: string;
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type TriggerResult = { ok: true; userId: string } | { ok: false; error: string };

export interface ViewLocation {
  view: StoredView;
  /** Owner of the modal stack or Home tab. */
  userId: string;
  kind: 'modal' | 'home';
}

export class ViewStore {
  private readonly triggers = new Map<string, TriggerRecord>();
  private readonly stacks = new Map<string, StoredView[]>();
  private readonly homes = new Map<string, StoredView>();

  constructor(
    private readonly clock: () => number,
    private readonly ids: IdFactory,
  ) {}

  issueTrigger(teamId: string, userId: string): string {
    const id = this.ids.trigger();
    this.triggers.set(id, { teamId, userId, issuedAt: this.clock(), used: false });
    return id;
  }

  /** Exchanges a trigger: `invalid_trigger_id` (unknown or another team), `exchanged_trigger_id`, `expired_trigger_id`. */
  exchangeTrigger(triggerId: string, teamId: string): TriggerResult {
    const trigger = this.triggers.get(triggerId);
    if (!trigger || trigger.teamId !== teamId) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.clock() - trigger.issuedAt >= TRIGGER_LIFETIME_MS)
      return { ok: false, error: 'expired_trigger_id' };
    trigger.used = true;
    return { ok: true, userId: trigger.userId };
  }

  stack(userId: string): StoredView[] {
    return [...(this.stacks.get(userId) ?? [])];
  }

  /** views.open starts a new stack for the user (a modal already open is replaced). */
  open(userId: string, view: StoredView): void {
    this.stacks.set(userId, [view]);
  }

  push(userId: string, view: StoredView): void {
    const stack = this.stacks.get(userId) ?? [];
    stack.push(view);
    this.stacks.set(userId, stack);
  }

  /** Closes the top view (or the whole stack with `all`), as a user closing a modal would. */
  close(userId: string, all = true): void {
    const stack = this.stacks.get(userId);
    if (!stack) return;
    if (all) stack.length = 0;
    else stack.pop();
    if (stack.length === 0) this.stacks.delete(userId);
  }

  /** Closes one modal of the user's stack, with any pushed above it (as closing it in Slack does). */
  remove(userId: string, viewId: string): boolean {
    const stack = this.stacks.get(userId);
    const index = stack?.findIndex((v) => v.id === viewId) ?? -1;
    if (!stack || index < 0) return false;
    stack.length = index;
    if (stack.length === 0) this.stacks.delete(userId);
    return true;
  }

  home(teamId: string, userId: string): StoredView | undefined {
    return this.homes.get(`${teamId}:${userId}`);
  }

  setHome(teamId: string, userId: string, view: StoredView): void {
    this.homes.set(`${teamId}:${userId}`, view);
  }

  find(teamId: string, match: (view: StoredView) => boolean): ViewLocation | undefined {
    for (const [userId, stack] of this.stacks) {
      const view = stack.find((v) => v.team_id === teamId && match(v));
      if (view) return { view, userId, kind: 'modal' };
    }
    for (const [key, view] of this.homes) {
      if (view.team_id === teamId && match(view))
        return { view, userId: key.slice(teamId.length + 1), kind: 'home' };
    }
    return undefined;
  }

  /** Replaces a stored view (same id) wherever it lives. */
  replace(location: ViewLocation, view: StoredView): void {
    if (location.kind === 'home') {
      this.setHome(view.team_id, location.userId, view);
      return;
    }
    const stack = this.stacks.get(location.userId) ?? [];
    const index = stack.findIndex((v) => v.id === view.id);
    if (index >= 0) stack[index] = view;
  }

  externalIdInUse(teamId: string, externalId: string, exceptViewId?: string): boolean {
    if (!externalId) return false;
    return this.find(teamId, (v) => v.external_id === externalId && v.id !== exceptViewId) !== undefined;
  }
}

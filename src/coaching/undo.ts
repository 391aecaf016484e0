// How long a member can take back a step they just took (Mark as sent, Archive, a no for now).
export const UNDO_MINUTES = 10;

const UNDO_MS = UNDO_MINUTES * 60 * 1000;

/** Until when a step taken at `at` can be undone. */
export function undoUntil(at: Date): Date {
  return new Date(at.getTime() + UNDO_MS);
}

/** True while a step taken at `at` can still be undone at `now`. */
export function canUndo(at: Date, now: Date): boolean {
  return now.getTime() >= at.getTime() && now.getTime() <= at.getTime() + UNDO_MS;
}

// The page's calls to its routes (see ../protocol.ts). Every answer is `{ ok: true, … }` or
// `{ ok: false, error }`; a network failure reads as `{ ok: false, error: "network" }`.
import type { PageState } from '../protocol';

export type Answer<T = Record<string, unknown>> = ({ ok: true } & T) | { ok: false; error: string };

async function call<T>(path: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    });
    const body = (await response.json().catch(() => null)) as Answer<T> | null;
    if (body && typeof body === 'object' && 'ok' in body) return body;
    return { ok: false, error: `http_${response.status}` };
  } catch {
    return { ok: false, error: 'network' };
  }
}

export function post<T = Record<string, unknown>>(path: string, body: unknown): Promise<Answer<T>> {
  return call<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The page's state for a member (for the first member when `user` is empty). */
export async function getState(user: string): Promise<Answer<{ state: PageState }>> {
  try {
    const response = await fetch(`/sandbox/state${user ? `?user=${encodeURIComponent(user)}` : ''}`, {
      headers: { accept: 'application/json' },
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return { ok: false, error: `http_${response.status}` };
    if (body.ok === false) return { ok: false, error: String(body.error ?? 'error') };
    // The state comes as the answer itself (or, from an older route, under `state`).
    const state = (typeof body.state === 'object' && body.state ? body.state : body) as PageState;
    if (!Array.isArray(state.users)) return { ok: false, error: 'bad_state' };
    return { ok: true, state };
  } catch {
    return { ok: false, error: 'network' };
  }
}

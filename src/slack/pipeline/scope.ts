// Who is acting, and where, read once per request from Slack's payload.
import type { Scope } from '../../core/scope';

interface TeamLike {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean | string;
  team?: { id?: string; enterprise_id?: string } | null;
  enterprise?: { id?: string } | null;
  user?: { id?: string; team_id?: string } | string;
  user_id?: string;
  event?: { user?: unknown; type?: unknown } | null;
}

/**
 * The workspace a request belongs to. Org-wide installs (Enterprise Grid) are keyed by the
 * enterprise id, everything else by the team id.
 */
export function workspaceIdOf(body: TeamLike): string | undefined {
  const orgInstall = body.is_enterprise_install === true || body.is_enterprise_install === 'true';
  const enterpriseId = body.enterprise_id ?? body.enterprise?.id ?? body.team?.enterprise_id;
  if (orgInstall && enterpriseId) return enterpriseId;
  if (body.team_id) return body.team_id;
  if (body.team?.id) return body.team.id;
  if (typeof body.user === 'object' && body.user?.team_id) return body.user.team_id;
  return enterpriseId;
}

/** The acting member: the user of a command or interaction, or an event's `user` when it is an id. */
export function scopeFromBody(body: TeamLike): Scope | undefined {
  const workspaceId = workspaceIdOf(body);
  const eventUser = typeof body.event?.user === 'string' ? body.event.user : undefined;
  const userId =
    body.user_id ?? (typeof body.user === 'object' ? body.user?.id : body.user) ?? eventUser ?? undefined;
  return workspaceId && userId ? { workspaceId, userId } : undefined;
}

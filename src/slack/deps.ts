// What every listener gets: the database, a logger and a clock. Listeners stay thin: they parse the
// request, call a service, render a view and talk to Slack.
import type { Clock } from '../core/clock';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import type { Log } from '../log';

export interface AppDeps {
  db: Db;
  log: Log;
  clock: Clock;
}

interface TeamLike {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean | string;
  team?: { id?: string; enterprise_id?: string } | null;
  enterprise?: { id?: string } | null;
  user?: { id?: string; team_id?: string } | string;
  user_id?: string;
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

export function scopeOf(body: TeamLike): Scope | undefined {
  const workspaceId = workspaceIdOf(body);
  const userId = body.user_id ?? (typeof body.user === 'object' ? body.user?.id : body.user);
  return workspaceId && userId ? { workspaceId, userId } : undefined;
}

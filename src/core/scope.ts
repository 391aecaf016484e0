// Who is acting, and where. Every layer takes a Scope: every query is scoped by both.
export interface Scope {
  workspaceId: string;
  userId: string;
}

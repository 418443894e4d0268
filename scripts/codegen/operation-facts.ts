// Facts about one operation that both the operation table and the friendly methods' docs state.
type Json = Record<string, any>;

/** True when every alternative security requirement of the operation includes the user token. */
export function needsUserToken(spec: Json, op: Json): boolean {
  const security: Json[] = op.security ?? spec.security ?? [];
  return security.length > 0 && security.every((req) => "UserToken" in req);
}

/** Paths written from the host root (path-level `servers` without `/api/v1`): `/api/v2/...`, `/marketplace/...`. */
export function isHostRooted(spec: Json, path: string): boolean {
  const servers: Json[] | undefined = spec.paths[path]?.servers;
  return Boolean(servers?.length) && servers!.every((s) => !/\/api\/v1\/?$/.test(String(s.url)));
}

// Matches a request path against the spec's path templates. A literal segment beats a
// parameter (`/company/{id}/staff/schedule` before `/company/{id}/staff/{staff_id}`), and a
// trailing slash is optional on both sides, as the docs are inconsistent about it.
import type { OperationEntry } from "./spec-index.js";

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  /** One flag per segment, 1 for literal; compared left to right to rank specificity. */
  rank: number[];
  byMethod: Map<string, OperationEntry>;
}

export type RouteResult =
  | { kind: "found"; op: OperationEntry; params: Record<string, string> }
  /** The path exists but not with this method. */
  | { kind: "method"; allowed: string[] }
  | { kind: "missing" };

function compile(template: string): Omit<CompiledRoute, "byMethod"> {
  const names: string[] = [];
  const segments = template.replace(/\/+$/, "").split("/").slice(1);
  const source = segments
    .map((segment) =>
      segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name?: string) => {
        if (name) {
          names.push(name);
          return "([^/]+)";
        }
        return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      }),
    )
    .join("/");
  return {
    pattern: new RegExp(`^/${source}/?$`),
    names,
    rank: segments.map((s) => (s.includes("{") ? 0 : 1)),
  };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(ops: readonly OperationEntry[]) {
    const byTemplate = new Map<string, CompiledRoute>();
    for (const op of ops) {
      const normal = op.path.replace(/\/+$/, "") || "/";
      let route = byTemplate.get(normal);
      if (!route) byTemplate.set(normal, (route = { ...compile(op.path), byMethod: new Map() }));
      if (!route.byMethod.has(op.method)) route.byMethod.set(op.method, op);
    }
    this.routes = [...byTemplate.values()].sort((a, b) => compareRank(a.rank, b.rank));
  }

  match(method: string, path: string): RouteResult {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      const op = route.byMethod.get(method);
      if (op) {
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => (params[name] = decode(m[i + 1])));
        return { kind: "found", op, params };
      }
      route.byMethod.forEach((_, m2) => allowed.add(m2));
    }
    return allowed.size ? { kind: "method", allowed: [...allowed] } : { kind: "missing" };
  }
}

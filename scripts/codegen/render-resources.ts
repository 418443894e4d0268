// Renders generated/resources.ts: the friendly methods of every operation with `x-sdk-method`.
//   - one interface per resource (and per nested group), whose methods carry the operation's docs and real
//     parameter names, so editors show them on hover;
//   - `resourceTable`, the runtime table of typed rows (src/resources/rows.ts) that src/resources/bind.ts turns
//     into methods and the CLI into commands.
import { listOperations } from "../merge-spec";
import { BANNER } from "./banner";
import { pascal } from "./ts-names";
import { planMethods, type MethodPlan } from "./plan-methods";
import type { RowPlan } from "./plan-row";
import { encodeRow } from "./encode-row";

type Json = Record<string, any>;

interface Node {
  methods: MethodPlan[];
  groups: Map<string, Node>;
}

function tree(plans: MethodPlan[]): Map<string, Node> {
  const roots = new Map<string, Node>();
  for (const plan of plans) {
    let level = roots;
    let node: Node | undefined;
    for (const part of plan.resourcePath) {
      node = level.get(part);
      if (!node) level.set(part, (node = { methods: [], groups: new Map() }));
      level = node.groups;
    }
    if (node!.methods.some((m) => m.method === plan.method) || node!.groups.has(plan.method)) {
      throw new Error(`${plan.httpMethod} ${plan.path}: yc.${[...plan.resourcePath, plan.method].join(".")} is taken`);
    }
    node!.methods.push(plan);
  }
  return roots;
}

function signature(plan: MethodPlan): string {
  const params = plan.args.map((a) => `${a.name}${a.optional ? "?" : ""}: ${a.type}`);
  return `${plan.doc}\n${plan.method}(${params.join(", ")}): ${plan.returnType};`;
}

/** A row as a TypeScript literal (keys unquoted, so it reads as data), in its stored form (encode-row.ts). */
function rowLiteral(row: RowPlan): string {
  const cells = Object.entries(encodeRow(row))
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `{ ${cells.join(", ")} }`;
}

export function renderResources(spec: Json): string {
  const plans = planMethods(spec);
  const roots = tree(plans);
  const tagDocs = new Map<string, string>((spec.tags ?? []).map((t: Json) => [t.name, String(t.description ?? "")]));
  const firstTag = new Map<string, string>();
  for (const { op } of listOperations(spec)) {
    const resource = String(op["x-sdk-method"]).split(".")[0];
    if (!firstTag.has(resource) && op.tags?.[0]) firstTag.set(resource, op.tags[0]);
  }

  const interfaces: string[] = [];
  const emit = (node: Node, names: string[]): string => {
    const typeName = `${names.map(pascal).join("")}${names.length > 1 ? "Group" : "Resource"}`;
    const members: string[] = [];
    for (const [group, child] of [...node.groups].sort(([a], [b]) => a.localeCompare(b))) {
      members.push(
        `/** \`yc.${[...names, group].join(".")}\` */\nreadonly ${group}: ${emit(child, [...names, group])}<Raise>;`,
      );
    }
    for (const plan of node.methods) members.push(signature(plan));
    const doc = names.length === 1 ? tagDocs.get(firstTag.get(names[0]) ?? "") : undefined;
    interfaces.push(
      `${doc ? `/** ${doc} */\n` : ""}export interface ${typeName}<Raise extends boolean> {\n${members.join("\n\n")}\n}`,
    );
    return typeName;
  };
  const tableOf = (node: Node): string => {
    const entries: string[] = [];
    for (const [group, child] of [...node.groups].sort(([a], [b]) => a.localeCompare(b))) {
      entries.push(`${group}: ${tableOf(child)}`);
    }
    for (const plan of node.methods) if (plan.row) entries.push(`${plan.method}: ${rowLiteral(plan.row)}`);
    return `{\n${entries.join(",\n")}\n}`;
  };

  const names = [...roots.keys()].sort();
  const resourceMembers = names.map((name) => {
    const typeName = emit(roots.get(name)!, [name]);
    const doc = tagDocs.get(firstTag.get(name) ?? "");
    return `${doc ? `/** ${doc} */\n` : ""}readonly ${name}: ${typeName}<Raise>;`;
  });
  const table = names.map((name) => `${name}: ${tableOf(roots.get(name)!)}`).join(",\n");

  const body = interfaces.join("\n\n");
  const helpers = [
    "Answer",
    "FileAnswer",
    "BodyOf",
    "CallOptions",
    "DateArg",
    "Id",
    "ItemOf",
    "ListAllOptions",
    "MethodOptions",
    "NoParams",
    "PageOptions",
    "Params",
    "PathParam",
    "QueryOf",
    "RenameKeys",
  ];
  const used = helpers.filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  return `${BANNER}// The friendly methods: an interface per resource (docs and parameter names for editors) and the compact
// typed rows that src/resources/bind.ts turns into methods and src/cli into commands (src/resources/rows.ts).
import type { ResourceTable } from "../src/resources/rows.js";
import type { ${used.join(", ")} } from "../src/resources/signatures.js";

${body}

/** Every generated resource, as \`YclientsClient\` exposes them. */
export interface GeneratedResources<Raise extends boolean> {
${resourceMembers.join("\n")}
}

export const resourceTable: { readonly [Name in keyof GeneratedResources<boolean>]: ResourceTable } = {
${table}
};
`;
}

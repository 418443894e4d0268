// Loads the curated spec: the root file, every paths/<tag>.yaml and components/*.yaml,
// merged into one OpenAPI document. Duplicate paths or component names are errors,
// so two tag files can never silently overwrite each other.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { allowBareAnswers, allowEmptyArrays, applyRequestRequired } from "./answer-rules";

type Json = Record<string, any>;

export const SPEC_DIR = join(__dirname, "..", "openapi");

function readYaml(file: string): Json {
  const value = parse(readFileSync(file, "utf8"));
  if (!value || typeof value !== "object") throw new Error(`${file}: expected a YAML mapping`);
  return value as Json;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => join(dir, name));
}

export function loadSpec(dir: string = SPEC_DIR): Json {
  const root = readYaml(join(dir, "openapi.yaml"));
  const paths: Json = {};
  for (const file of yamlFiles(join(dir, "paths"))) {
    for (const [path, item] of Object.entries(readYaml(file))) {
      // One path may be split across tag files (a GET in one, a DELETE in another), never one method twice.
      paths[path] ??= {};
      for (const [key, value] of Object.entries(item as Json)) {
        if (paths[path][key] !== undefined)
          throw new Error(`${file}: ${key} ${path} is already defined in another file`);
        paths[path][key] = value;
      }
    }
  }
  const components: Json = {};
  for (const file of yamlFiles(join(dir, "components"))) {
    for (const [kind, entries] of Object.entries(readYaml(file))) {
      components[kind] ??= {};
      for (const [name, value] of Object.entries(entries as Json)) {
        if (components[kind][name]) throw new Error(`${file}: components.${kind}.${name} is defined twice`);
        components[kind][name] = value;
      }
    }
  }
  // Calls YCLIENTS makes to the partner (webhooks, SMS and fiscalisation callbacks): OpenAPI 3.1 `webhooks`.
  const webhooks: Json = {};
  const webhookDir = join(dir, "webhooks");
  for (const file of existsSync(webhookDir) ? yamlFiles(webhookDir) : []) {
    for (const [name, item] of Object.entries(readYaml(file))) {
      if (webhooks[name]) throw new Error(`${file}: webhook ${name} is already defined in another file`);
      webhooks[name] = item;
    }
  }
  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [p, paths[p]]),
  );
  const sortedWebhooks = Object.fromEntries(
    Object.keys(webhooks)
      .sort()
      .map((w) => [w, webhooks[w]]),
  );
  const merged = {
    ...root,
    paths: sortedPaths,
    ...(Object.keys(sortedWebhooks).length ? { webhooks: sortedWebhooks } : {}),
    components: sortComponents(components),
  };
  // What YCLIENTS really sends, as rules over the whole document (scripts/answer-rules.ts).
  return applyRequestRequired(allowBareAnswers(allowEmptyArrays(merged)));
}

function sortComponents(components: Json): Json {
  const out: Json = {};
  for (const kind of Object.keys(components).sort()) {
    out[kind] = Object.fromEntries(
      Object.keys(components[kind])
        .sort()
        .map((k) => [k, components[kind][k]]),
    );
  }
  return out;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head"] as const;

/** Every operation of the merged spec, in path then method order. */
export function listOperations(spec: Json): Array<{ method: string; path: string; op: Json }> {
  const out: Array<{ method: string; path: string; op: Json }> = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const method of HTTP_METHODS) {
      if (item[method]) out.push({ method: method.toUpperCase(), path, op: item[method] });
    }
  }
  return out;
}

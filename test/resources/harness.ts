// Shared set-up for the resource tests: a scriptable server on 127.0.0.1 that answers each call with the
// success example the spec documents for the operation, and a record of exactly what the SDK sent.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { paths } from "../../generated/schema";
import { YclientsClient } from "../../src/index";
import { resolveRef } from "../../src/resolve-ref";
import type { BodyOf } from "../../src/types";
import { json, useServer, type TestServer } from "../helpers/scripted-server";

export const PARTNER_TOKEN = "partner-res-1";
export const USER_TOKEN = "user-res-1";
export const COMPANY_ID = 4564;
export const PARTNER_ONLY = `Bearer ${PARTNER_TOKEN}`;
export const WITH_USER = `Bearer ${PARTNER_TOKEN}, User ${USER_TOKEN}`;

type Json = Record<string, any>;
const spec: Json = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));

const deref = (node: Json | undefined): Json | undefined => resolveRef(spec, node);

function operation(method: string, path: string): Json {
  const op = spec.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`no ${method} ${path} in generated/openapi.json`);
  return op;
}

function exampleOf(content: Json | undefined): unknown {
  if (!content) return undefined;
  if (content.example !== undefined) return content.example;
  const first = content.examples && Object.values(content.examples)[0];
  return (deref(first as Json) as Json | undefined)?.value;
}

/** The first 2xx status of an operation and its JSON example (undefined when the answer has no body). */
export function successExample(method: string, path: string): { status: number; body: any } {
  const op = operation(method, path);
  const code = Object.keys(op.responses).find((c) => /^2\d\d$/.test(c));
  if (!code) throw new Error(`${method} ${path} documents no success status`);
  const response = deref(op.responses[code]) as Json;
  return { status: Number(code), body: exampleOf(response.content?.["application/json"]) };
}

/** The request-body example of an operation, typed as the body the friendly method takes. */
export function requestExample<P extends keyof paths, M extends keyof paths[P]>(
  method: M & string,
  path: P,
): BodyOf<P, M> {
  const body = deref(operation(method, path as string).requestBody) as Json;
  const example = exampleOf(body.content["application/json"]);
  if (example === undefined) throw new Error(`${method} ${String(path)} has no request example`);
  return example as BodyOf<P, M>;
}

export interface Sent {
  method: string;
  /** The URL path as it arrived, still percent-encoded. */
  path: string;
  /** Decoded query parameters; a repeated name gives an array. */
  query: Record<string, string | string[]>;
  /** The parsed JSON body, or undefined when none was sent. */
  body: unknown;
  authorization?: string;
  contentType?: string;
}

export interface Harness {
  server: TestServer;
  /** Partner and user token, default company 4564. */
  yc: YclientsClient;
  /** Partner token only, default company 4564. */
  partner: YclientsClient;
  /** Partner and user token, no default company. */
  noCompany: YclientsClient;
}

/** Starts one server for the test file (closed in afterAll) and the clients pointed at it. */
export function useHarness(): Harness {
  const h = { server: useServer() } as Harness;
  beforeAll(() => {
    const common = {
      partnerToken: PARTNER_TOKEN,
      baseUrl: h.server.url,
      retry: false as const,
      circuitBreaker: false as const,
      // The scripted server has no rate limit; the client's limiter is tested in test/ratelimit.
      rateLimit: false as const,
    };
    h.yc = new YclientsClient({ ...common, userToken: USER_TOKEN, companyId: COMPANY_ID });
    h.partner = new YclientsClient({ ...common, companyId: COMPANY_ID });
    h.noCompany = new YclientsClient({ ...common, userToken: USER_TOKEN });
  });
  return h;
}

function parseSent(h: Harness): Sent {
  expect(h.server.seen).toHaveLength(1);
  const [req] = h.server.seen;
  const url = new URL(req.url, h.server.origin);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const before = query[name];
    query[name] = before === undefined ? value : ([] as string[]).concat(before, value);
  }
  return {
    method: req.method,
    path: url.pathname,
    query,
    // A multipart upload (images.upload) arrives as text; everything else the SDK sends is JSON.
    body:
      req.body === ""
        ? undefined
        : String(req.headers["content-type"]).startsWith("multipart/")
          ? req.body
          : JSON.parse(req.body),
    authorization: req.headers.authorization,
    contentType: req.headers["content-type"],
  };
}

/**
 * Makes the server answer the next request with the documented success of `method path`, runs `call`,
 * and returns its result, the example answered and what arrived (exactly one request, with `method`).
 */
export async function expectCall<R>(
  h: Harness,
  method: string,
  path: string,
  call: () => Promise<R>,
): Promise<{ result: R; example: any; sent: Sent }> {
  const { status, body } = successExample(method, path);
  h.server.seen.splice(0);
  h.server.handle((_req, res) => {
    if (body === undefined) {
      res.writeHead(status);
      res.end();
    } else {
      json(res, status, body);
    }
  });
  const result = await call();
  const sent = parseSent(h);
  expect(sent.method).toBe(method);
  return { result, example: body, sent };
}

/** Runs `call` expecting it to fail before anything is sent. */
export async function expectNothingSent(
  h: Harness,
  call: () => Promise<unknown>,
  error: new (...args: any[]) => Error,
) {
  h.server.seen.splice(0);
  await expect(call()).rejects.toBeInstanceOf(error);
  expect(h.server.seen).toHaveLength(0);
}

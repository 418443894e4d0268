// The ways of calling YCLIENTS that the latency benchmark puts side by side. Each contender makes the
// same two calls (the small body and the records page), sends the same headers, and resolves with the
// parsed JSON, so each one pays for parsing exactly once.
import { Agent as HttpAgent } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import axios from "axios";
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema";
import { BENCH_COMPANY_ID, PAGE_SIZE } from "./bodies";
import { AUTHORIZATION, PARTNER_TOKEN, USER_TOKEN } from "./server";

export type Sdk = typeof import("../src/index");

export interface Contender {
  id: string;
  label: string;
  /** GET /company/{id}/: resolves with the parsed envelope (or what the SDK makes of it). */
  small(): Promise<unknown>;
  /** GET /companies?page=1&count=50: the records page. */
  page(): Promise<unknown>;
}

export const BASELINE_ID = "openapi-fetch";
export const DIST_ESM = join(__dirname, "..", "dist", "index.mjs");
export const DIST_CJS = join(__dirname, "..", "dist", "index.cjs");

/** The built package, the way users get it (dist/index.mjs), typed from the sources. */
export async function loadSdk(): Promise<Sdk> {
  return (await import(pathToFileURL(DIST_ESM).href)) as Sdk;
}

/** The headers every contender sends (the SDK sets these three itself). */
export function commonHeaders(sdkVersion: string): Record<string, string> {
  return {
    Authorization: AUTHORIZATION,
    Accept: "application/vnd.yclients.v2+json",
    "User-Agent": `yclients-client/${sdkVersion}`,
  };
}

export async function makeContenders(baseUrl: string): Promise<Contender[]> {
  const sdk = await loadSdk();
  const version = sdkVersion();
  const headers = commonHeaders(version);
  const id = BENCH_COMPANY_ID;

  // 1. Bare fetch: string URLs, res.json().
  const smallUrl = `${baseUrl}/company/${id}/`;
  const pageUrl = `${baseUrl}/companies?page=1&count=${PAGE_SIZE}`;
  const bareFetch: Contender = {
    id: "fetch",
    label: "bare fetch",
    small: async () => (await fetch(smallUrl, { headers })).json(),
    page: async () => (await fetch(pageUrl, { headers })).json(),
  };

  // 2. axios, the usual hand-rolled wrapper: an instance with base URL, headers and a keep-alive agent.
  const ax = axios.create({
    baseURL: baseUrl,
    headers,
    httpAgent: new HttpAgent({ keepAlive: true }),
  });
  const viaAxios: Contender = {
    id: "axios",
    label: "axios",
    small: async () => (await ax.get(`/company/${id}/`)).data,
    page: async () => (await ax.get("/companies", { params: { page: 1, count: PAGE_SIZE } })).data,
  };

  // 3. Bare openapi-fetch over the same generated types: the baseline every ratio is taken against.
  const api = createClient<paths>({ baseUrl, headers });
  const bareOpenapiFetch: Contender = {
    id: BASELINE_ID,
    label: "openapi-fetch (bare)",
    small: async () => (await api.GET("/company/{id}/", { params: { path: { id } } })).data,
    page: async () => (await api.GET("/companies", { params: { query: { page: 1, count: PAGE_SIZE } } })).data,
  };

  // 4./5. The SDK from dist/: default retry, breaker and timeout, debug logging off.
  const yc = new sdk.YclientsClient({ partnerToken: PARTNER_TOKEN, userToken: USER_TOKEN, baseUrl, rateLimit: false });
  const sdkTyped: Contender = {
    id: "sdk-typed",
    label: "yclients-client yc.GET",
    small: async () => (await yc.GET("/company/{id}/", { params: { path: { id } } })).data,
    page: async () => (await yc.GET("/companies", { params: { query: { page: 1, count: PAGE_SIZE } } })).data,
  };
  const sdkFriendly: Contender = {
    id: "sdk-friendly",
    label: "yclients-client friendly",
    small: async () => yc.companies.get(undefined, { companyId: id }),
    page: async () => yc.companies.list({ page: 1, count: PAGE_SIZE }),
  };

  return [bareFetch, viaAxios, bareOpenapiFetch, sdkTyped, sdkFriendly];
}

/** The SDK version the User-Agent names (read from package.json, which the bench does not change). */
export function sdkVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../package.json") as { version: string }).version;
}

/** Fails loudly when a contender did not get the body it should have (wrong path, headers, parsing). */
export function checkAnswer(contender: Contender, kind: "small" | "page", answer: unknown): void {
  const envelope = answer as { success?: unknown; data?: unknown } | undefined;
  const data = envelope?.data;
  const ok =
    envelope?.success === true &&
    (kind === "small"
      ? (data as { id?: unknown } | null)?.id === BENCH_COMPANY_ID
      : Array.isArray(data) && data.length === PAGE_SIZE);
  if (!ok) throw new Error(`${contender.label}: unexpected ${kind} answer: ${JSON.stringify(answer).slice(0, 200)}`);
}

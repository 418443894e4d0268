// Labels as state through the friendly methods: created from the query or a body, listed per entity,
// searched by name, changed, and deleted from the clients that carried them.
import { YclientsNotFoundError, YclientsValidationError, type YclientsClient } from "../../../src/index";
import type { YclientsSimulator } from "../../../src/testing/index";
import { startSignedIn } from "../../helpers/simulator";

let sim: YclientsSimulator;
let yc: YclientsClient;
let companyId: number;

beforeAll(async () => {
  ({ sim, yc, companyId } = await startSignedIn({ simulator: { seed: 11 } }));
});
afterAll(() => sim.close());

test("a client label: created, listed, found, renamed, used by the client search, deleted everywhere", async () => {
  const created = await yc.labels.createClient({ title: "Сезонный клиент", color: "#aa11ff" });
  const label = created.data!;
  expect(label).toMatchObject({ title: "Сезонный клиент", color: "#aa11ff", entity: 1, salon_id: companyId });

  const clientLabels = await yc.labels.list(1);
  expect(clientLabels.data.map((l) => l.title)).toEqual([
    "Постоянный клиент",
    "VIP",
    "Черный список",
    "Лояльный",
    "Сезонный клиент",
  ]);
  expect((await yc.labels.list(2)).data.every((l) => l.entity === 2)).toBe(true);

  const found = await yc.labels.searchClient({ term: "сезон" });
  expect(found.data.map((l) => l.id)).toEqual([label.id]);
  expect(found.meta).toMatchObject({ page: 1, total_count: 1 });

  expect((await yc.labels.update(Number(label.id), { title: "Летний клиент" })).status).toBe(202);
  expect((await yc.labels.searchClient({ term: "летний" })).data.map((l) => l.id)).toEqual([label.id]);

  const client = sim.state.clients.find((c) => c.company_id === companyId)!;
  await yc.clients.update(client.id, { labels: [Number(label.id)] });
  const tagged = await yc.clients.search({ filters: [{ type: "category", state: { value: [Number(label.id)] } }] });
  expect(tagged.data.map((c) => c.id)).toEqual([client.id]);

  await yc.labels.delete(Number(label.id));
  expect((await yc.clients.get(client.id)).data.categories).toEqual([]);
  expect((await yc.labels.list(1)).data.map((l) => l.id)).not.toContain(label.id);
  await expect(yc.labels.delete(Number(label.id))).rejects.toBeInstanceOf(YclientsNotFoundError);
});

test("a record label from the query string, and the fields a label needs", async () => {
  const created = await yc.labels.create({ title: "Срочно", entity: 2, color: "#ff0000", icon: "bolt" });
  expect(created.data).toMatchObject({ title: "Срочно", entity: 2, icon: "bolt" });
  const sent = sim.requests.filter((r) => r.route === "POST /labels/{company_id}").at(-1)!;
  expect(sent.query).toMatchObject({ title: "Срочно", entity: "2" });
  expect((await yc.labels.list(2)).data.map((l) => l.title)).toContain("Срочно");
  await expect(yc.labels.createClient({ title: "" })).rejects.toBeInstanceOf(YclientsValidationError);
});

// Labels as state through the friendly methods: created from the query or a body, listed per entity,
// searched by name, changed, and deleted from the clients that carried them.
import { YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ simulator: { seed: 11 } });

test("a client label: created, listed, found, renamed, used by the client search, deleted everywhere", async () => {
  const created = await h.yc.labels.createClient({ title: "Сезонный клиент", color: "#aa11ff" });
  const label = created.data!;
  expect(label).toMatchObject({ title: "Сезонный клиент", color: "#aa11ff", entity: 1, salon_id: h.companyId });

  const clientLabels = await h.yc.labels.list(1);
  expect(clientLabels.data.map((l) => l.title)).toEqual([
    "Постоянный клиент",
    "VIP",
    "Черный список",
    "Лояльный",
    "Сезонный клиент",
  ]);
  expect((await h.yc.labels.list(2)).data.every((l) => l.entity === 2)).toBe(true);

  const found = await h.yc.labels.searchClient({ term: "сезон" });
  expect(found.data.map((l) => l.id)).toEqual([label.id]);
  expect(found.meta).toMatchObject({ page: 1, total_count: 1 });

  expect((await h.yc.labels.update(Number(label.id), { title: "Летний клиент" })).status).toBe(202);
  expect((await h.yc.labels.searchClient({ term: "летний" })).data.map((l) => l.id)).toEqual([label.id]);

  const client = h.sim.state.clients.find((c) => c.company_id === h.companyId)!;
  await h.yc.clients.update(client.id, { labels: [Number(label.id)] });
  const tagged = await h.yc.clients.search({ filters: [{ type: "category", state: { value: [Number(label.id)] } }] });
  expect(tagged.data.map((c) => c.id)).toEqual([client.id]);

  await h.yc.labels.delete(Number(label.id));
  expect((await h.yc.clients.get(client.id)).data.categories).toEqual([]);
  expect((await h.yc.labels.list(1)).data.map((l) => l.id)).not.toContain(label.id);
  await expect(h.yc.labels.delete(Number(label.id))).rejects.toBeInstanceOf(YclientsNotFoundError);
});

test("a record label from the query string, and the fields a label needs", async () => {
  const created = await h.yc.labels.create({ title: "Срочно", entity: 2, color: "#ff0000", icon: "bolt" });
  expect(created.data).toMatchObject({ title: "Срочно", entity: 2, icon: "bolt" });
  const sent = h.sim.requests.filter((r) => r.route === "POST /labels/{company_id}").at(-1)!;
  expect(sent.query).toMatchObject({ title: "Срочно", entity: "2" });
  expect((await h.yc.labels.list(2)).data.map((l) => l.title)).toContain("Срочно");
  await expect(h.yc.labels.createClient({ title: "" })).rejects.toBeInstanceOf(YclientsValidationError);
});

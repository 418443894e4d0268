// Picture upload is the one `multipart/form-data` operation of these tags. The typed client sends a FormData
// body as multipart (fetch sets the boundary); a small node:http server checks what arrives. The friendly
// `images.upload(entity, form)` takes the FormData as it is. The simulator reads the multipart body and checks it.
import { present, YclientsClient, YclientsValidationError } from "../../../src/index";
import type { YclientsSimulator } from "../../../src/testing/index";
import { startSignedIn } from "../../helpers/simulator";
import { json, ok, useServer } from "../../helpers/scripted-server";

const server = useServer((_req, res) =>
  json(res, 200, ok({ image_binded: true, image_group: { id: 72256, entity: "settings_service", entity_id: 83169 } })),
);

it("the friendly images.upload sends the FormData as multipart, and refuses anything else before sending", async () => {
  const yc = new YclientsClient({ partnerToken: "partner-img", userToken: "user-img", baseUrl: server.url });
  const form = new FormData();
  form.append("image", new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" }), "haircut.jpg");
  form.append("service_id", "83169");
  const answer = await yc.images.upload("service", form);
  expect(present(answer.data.image_group)?.id).toBe(72256);
  const seen = server.seen[server.seen.length - 1];
  expect(seen.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(seen.body).toContain('name="service_id"\r\n\r\n83169');
  const before = server.seen.length;
  await expect(yc.images.upload("service", { image: "x" } as never)).rejects.toThrow(/form must be a FormData/);
  expect(server.seen.length).toBe(before);
});

it("uploads a picture as multipart/form-data with the file and the service id", async () => {
  const yc = new YclientsClient({ partnerToken: "partner-img", userToken: "user-img", baseUrl: server.url });
  const form = new FormData();
  form.append("image", new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" }), "haircut.jpg");
  form.append("service_id", "83169");

  // The generated body type is JSON-only, so FormData needs a cast until multipart is typed.
  const { data } = await yc.POST("/images/{entity}", {
    params: { path: { entity: "service" } },
    body: form as never,
  });

  expect(present(data.data.image_group)?.id).toBe(72256);
  const seen = server.seen[server.seen.length - 1];
  expect(seen.url).toBe("/api/v1/images/service");
  expect(seen.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(seen.body).toContain('name="image"; filename="haircut.jpg"');
  expect(seen.body).toContain('name="service_id"\r\n\r\n83169');
  expect(seen.headers.authorization).toBe("Bearer partner-img, User user-img");
});

describe("the simulator's picture upload", () => {
  let sim: YclientsSimulator;
  let yc: YclientsClient;
  beforeAll(async () => {
    ({ sim, yc } = await startSignedIn({ client: { companyId: undefined } }));
  });
  afterAll(() => sim.close());

  function picture(type = "image/jpeg"): Blob {
    return new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])], { type });
  }

  it("attaches an uploaded picture to an existing service", async () => {
    const service = sim.state.services[0];
    const form = new FormData();
    form.append("image", picture(), "haircut.jpg");
    form.append("service_id", String(service.id));
    const { data } = await yc.POST("/images/{entity}", {
      params: { path: { entity: "service" } },
      body: form as never,
    });
    expect(data.data).toMatchObject({
      image_binded: true,
      image_group: { entity: "settings_service", entity_id: service.id },
    });
    const logged = sim.requests[sim.requests.length - 1].body as Record<string, unknown>;
    expect(logged.image).toEqual({ filename: "haircut.jpg", type: "image/jpeg", size: 6 });
  });

  it("refuses an upload without a file, or of another file type, naming the field", async () => {
    const noFile = new FormData();
    noFile.append("service_id", String(sim.state.services[0].id));
    const missing = await yc
      .POST("/images/{entity}", { params: { path: { entity: "service" } }, body: noFile as never })
      .catch((e: unknown) => e);
    expect((missing as YclientsValidationError).fieldErrors).toHaveProperty("image");

    const gif = new FormData();
    gif.append("image", picture("image/gif"), "a.gif");
    const wrongType = await yc
      .POST("/images/{entity}", { params: { path: { entity: "master" } }, body: gif as never })
      .catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(YclientsValidationError);
  });

  it("answers 400 to a multipart body it cannot read, and still logs the request", async () => {
    const res = await fetch(`${sim.url}/images/service`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${sim.partnerToken}, User ${sim.state.staffUsers[0].token}`,
        accept: "application/vnd.yclients.v2+json",
        "content-type": "multipart/form-data; boundary=cut",
      },
      body: '--cut\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\n\r\nno closing boundary',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false });
    expect(sim.requests[sim.requests.length - 1]).toMatchObject({ method: "POST", path: "/images/service" });
  });
});

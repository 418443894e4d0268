// Picture upload is the one `multipart/form-data` operation of these tags. The typed client sends a FormData
// body as multipart (fetch sets the boundary); a small node:http server checks what arrives. The friendly
// `images.upload` cannot take the file yet (see the report: the generator types JSON bodies only).
import { YclientsClient } from "../../src/index";
import { json, ok, startServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) =>
    json(
      res,
      200,
      ok({ image_binded: true, image_group: { id: 72256, entity: "settings_service", entity_id: 83169 } }),
    ),
  );
});
afterAll(() => server.close());

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

  expect(data.data.image_group?.id).toBe(72256);
  const seen = server.seen[server.seen.length - 1];
  expect(seen.url).toBe("/api/v1/images/service");
  expect(seen.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(seen.body).toContain('name="image"; filename="haircut.jpg"');
  expect(seen.body).toContain('name="service_id"\r\n\r\n83169');
  expect(seen.headers.authorization).toBe("Bearer partner-img, User user-img");
});

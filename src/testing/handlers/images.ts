// `POST /images/{entity}`: a picture upload (multipart). The simulator keeps no pictures; it checks the
// request like the API would (a file in `image`, an id of an existing service or staff member when given)
// and answers with a new picture group.
import { fail, invalid, ok, type SimResponse } from "../reply.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, toInt } from "./input.js";
import { nextId } from "../state.js";

const IMAGE_TYPES = new Set(["image/jpeg", "image/png"]);

function upload(ctx: HandlerContext): SimResponse {
  const body = isObject(ctx.body) ? ctx.body : {};
  const image = body.image;
  if (!isObject(image) || typeof image.filename !== "string") {
    return invalid(422, { image: ["Передайте файл изображения в поле image"] });
  }
  if (!IMAGE_TYPES.has(String(image.type))) return invalid(422, { image: ["Допустимы только JPEG и PNG"] });
  const entity = ctx.params.entity;
  if (entity !== "master" && entity !== "service") return fail(404, "Не найдено");
  const idField = entity === "master" ? "master_id" : "service_id";
  const id = toInt(body[idField]);
  const rows: { id: number }[] = entity === "master" ? ctx.state.staff : ctx.state.services;
  const known = id === undefined ? undefined : rows.find((row) => row.id === id);
  if (id !== undefined && !known) return invalid(422, { [idField]: ["Не найдено"] });
  const groupId = 700_000 + nextId(ctx.state, "generic");
  const version = { id: groupId, path: `https://assets.yclients.com/${entity}/basic/${groupId}.jpeg` };
  return ok({
    image_binded: known !== undefined,
    image_group: {
      id: groupId,
      entity: known ? (entity === "master" ? "master" : "settings_service") : "",
      entity_id: known ? id : 0,
      images: { basic: { ...version, type: "jpeg", image_group_id: groupId, version: "basic" } },
    },
  });
}

/** The upload's body is multipart, so the generic JSON required-field check does not apply. */
export const imageHandlers: HandlerTable = { "POST /images/{entity}": ownBody(upload) };

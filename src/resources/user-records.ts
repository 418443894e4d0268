// Appointments of the signed-in online-booking client (the client's user token is required).
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf } from "../types.js";
import { Resource, requireId, requireString } from "./resource.js";

export class UserRecordsResource<Raise extends boolean> extends Resource<Raise> {
  /** One of the client's appointments, by record id and hash (both come back from `booking.createRecord`). */
  async get(
    recordId: number,
    recordHash: string,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/user/records/{record_id}/{record_hash}", "get">, Raise>> {
    const path = { record_id: requireId(recordId, "recordId"), record_hash: requireString(recordHash, "recordHash") };
    return this.client.request("GET", "/user/records/{record_id}/{record_hash}", { ...options, params: { path } });
  }

  /** Cancels one of the client's appointments. */
  async delete(
    recordId: number,
    recordHash: string,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/user/records/{record_id}/{record_hash}", "delete">, Raise>> {
    const path = { record_id: requireId(recordId, "recordId"), record_hash: requireString(recordHash, "recordHash") };
    return this.client.request("DELETE", "/user/records/{record_id}/{record_hash}", { ...options, params: { path } });
  }
}

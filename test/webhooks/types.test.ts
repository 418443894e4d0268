// Type-level promises of the event union: `make typecheck` (tsc over test/) fails when one stops holding,
// including a @ts-expect-error line that stops being an error. The runtime assertions keep the test honest.
import {
  parseWebhook,
  type EventOf,
  type KnownWebhookStatus,
  type RecordEvent,
  type WebhookEvent,
  type WebhookStatus,
} from "../../src/webhooks/index";
import type { components } from "../../src/index";
import { recordUpdateText } from "./samples";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(value: T) => value;

describe("the webhook event union", () => {
  it("narrows on resource to the spec's Record, with typed services", () => {
    const [event] = parseWebhook(recordUpdateText) as [WebhookEvent];
    if (event.resource === "record") {
      const cost: number | undefined = event.data.services[0].cost;
      assertType<Equal<typeof event, RecordEvent>>(true);
      // The webhook's record is the REST answers' Record: the same component type.
      const asRecord: components["schemas"]["Record"] = event.data;
      // @ts-expect-error a misspelled field is a compile error
      void event.data.servises;
      expect(cost).toBe(1700);
      expect(asRecord.id).toBe(122641972);
    } else throw new Error("expected a record event");
  });

  it("types status as the known ones plus any string, and narrows data on resource", () => {
    const event = parseWebhook(recordUpdateText)[0];
    if (event.resource === "record") {
      // Open: a newer status still arrives as a record event.
      assertType<Equal<typeof event.status, WebhookStatus>>(true);
      const newer: typeof event.status = "restore";
      const known: KnownWebhookStatus = "delete";
      // @ts-expect-error a known status is one of the three
      const wrong: KnownWebhookStatus = "restore";
      void [newer, known, wrong];
    }
    if (event.resource === "company") {
      // Altegio's `salon` arrives as `company`: one name to handle.
      assertType<Equal<typeof event.resource, "company">>(true);
    }
    if (event.resource === "client") {
      // A client event's data is the spec's Client.
      assertType<Equal<typeof event.data, components["schemas"]["Client"]>>(true);
    }
    if (event.resource === "unknown") {
      const name: string = event.sentResource;
      // @ts-expect-error an unknown event's data is unknown
      void event.data.id;
      void name;
    }
    if (event.resource === undefined) {
      const kind: string = event.event;
      void kind;
    }
    assertType<Equal<EventOf<"goods_operations_sale">["data"], components["schemas"]["StorageOperation"]>>(true);
    expect(event.resource).toBe("record");
  });
});

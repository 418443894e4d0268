// Hand-written friendly methods: the few the generator cannot express (or where a hand-written signature is
// clearly nicer). Each is merged onto the generated resource of the same name (`yc.auth`, …); everything else
// on a resource is generated from the spec. Add one as: an interface member here, and its implementation in
// `extras` (built per client, calling `client.request()` like the generated methods).
import type { YclientsTypedClient } from "../typed-client.js";

/** Hand-written methods per resource name. Empty members mean the resource is fully generated. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars -- filled as extras are written
export interface Extras<Raise extends boolean> {}

type ExtrasFactories = {
  readonly [Name in keyof Extras<boolean>]: (client: YclientsTypedClient<boolean>) => Extras<boolean>[Name];
};

export const extras: ExtrasFactories = {};

// YclientsClient: the typed client plus the friendly resources (`yc.booking`, `yc.staff`, …). The resources are
// generated from the spec (generated/resources.ts) and bound by src/resources/bind.ts; the few hand-written
// methods come from src/resources/extras.ts. Kept apart from typed-client.ts so typed-only programs don't
// bundle any of it.
import { resourceTable, type GeneratedResources } from "../generated/resources.js";
import { bindResource } from "./resources/bind.js";
import { extras, type Extras } from "./resources/extras.js";
import { YclientsTypedClient, type YclientsClientOptions } from "./typed-client.js";

/** Every friendly resource: the generated methods, plus the hand-written ones where a resource has any. */
export type YclientsResources<Raise extends boolean> = {
  readonly [Name in keyof GeneratedResources<Raise>]: GeneratedResources<Raise>[Name] &
    (Name extends keyof Extras<Raise> ? Extras<Raise>[Name] : unknown);
};

// The class gets its resource members from this interface (declaration merging); the getters below create them.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- members come from the mapped type
export interface YclientsClient<Raise extends boolean = true> extends YclientsResources<Raise> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class YclientsClient<Raise extends boolean = true> extends YclientsTypedClient<Raise> {
  constructor(options: YclientsClientOptions<Raise>) {
    super(options);
    // The getters go onto the prototype at the first construction, not when the module loads: a module-level
    // loop is a side effect that no bundler may drop, and it kept the whole resource table in typed-only bundles.
    if (!Object.prototype.hasOwnProperty.call(YclientsClient.prototype, RESOURCES_INSTALLED)) {
      installResourceGetters(YclientsClient.prototype);
    }
  }
}

const RESOURCES_INSTALLED = Symbol("yclients.resources");

// Each resource is built on first use and then kept on the instance, so scoped clients
// (`withUserToken`) cost nothing until they call a friendly method.
function installResourceGetters(prototype: object): void {
  for (const name of Object.keys(resourceTable) as (keyof typeof resourceTable)[]) {
    Object.defineProperty(prototype, name, {
      configurable: true,
      get(this: YclientsClient<boolean>) {
        const extra = (extras as Record<string, ((client: YclientsTypedClient<boolean>) => object) | undefined>)[name];
        const value = Object.assign(bindResource(this, resourceTable[name]), extra?.(this));
        Object.defineProperty(this, name, { value, enumerable: false });
        return value;
      },
    });
  }
  Object.defineProperty(prototype, RESOURCES_INSTALLED, { value: true });
}

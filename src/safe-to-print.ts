// What printing an object shows (`util.inspect`, and so `console.log` in Node), for the classes that hold secrets:
// the client and the transport. The method sits under a computed key, `Symbol.for("nodejs.util.inspect.custom")`,
// and a class with a computed key stays in every bundle of the package, used or not (a bundler cannot tell the key
// is harmless). Defined once here and inherited, it keeps only this small class there; a bundle that uses neither
// the client nor the transport (an app importing only the errors, `present` or the dates) leaves both out.
export abstract class SafeToPrint {
  /** The one line printing shows: never a secret. */
  protected abstract printed(): string;

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.printed();
  }
}

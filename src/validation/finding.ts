// One place where an answer departs from the spec. Built only from the spec (what was expected) and from the
// JSON type of what came, never from the value: answers hold personal data, and sometimes tokens.

export interface ValidationFinding {
  /** `METHOD /path/{template}`, as the spec names the operation. */
  operation: string;
  /** The operationId in the spec, when it has one. */
  operationId?: string;
  /** The HTTP status of the answer. */
  status: number;
  /** JSON pointer (RFC 6901) of the value in the answer body; `""` is the whole body. */
  pointer: string;
  /**
   * The pointer with array indexes replaced by `*`: the place in the schema. Findings are reported once per
   * operation, status and location, whichever item of a list showed it first.
   */
  location: string;
  /** What the spec expected there, e.g. `integer`, `string | null`, `property "id"`, `one of 3 values`. */
  expected: string;
  /** What came, as a JSON type (`string`, `integer`, `null`, `missing`, …), never the value. */
  got: string;
}

/** The one-line form used in log lines and error messages. */
export function describeFinding(finding: ValidationFinding): string {
  const where = finding.pointer === "" ? "(body)" : finding.pointer;
  return `${finding.operation} HTTP ${finding.status} at ${where}: expected ${finding.expected}, got ${finding.got}`;
}

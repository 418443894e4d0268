// Part of `make check`: every example in the spec must conform to the schema it illustrates,
// because the simulator answers from these examples and the SDK's types come from these schemas.
import { listOperations, loadSpec } from "./merge-spec";
import { createSpecValidator } from "./spec-validator";

const spec = loadSpec();
const validator = createSpecValidator(spec);
const problems: string[] = [];
let checked = 0;

for (const { method, path, op } of listOperations(spec)) {
  for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
    const media = response.content?.["application/json"];
    if (!media) continue;
    const examples = [media.example, ...Object.values<any>(media.examples ?? {}).map((e) => e.value)].filter(
      (e) => e !== undefined,
    );
    if (!response.$ref && status.startsWith("2") && examples.length === 0) {
      problems.push(`${method} ${path} ${status}: no example`);
    }
    for (const example of examples) {
      checked++;
      const error = validator.response(path, method, status, example);
      if (error) problems.push(`${method} ${path} ${status}: ${error}`);
    }
  }
  const body = op.requestBody?.content?.["application/json"];
  for (const example of [body?.example, ...Object.values<any>(body?.examples ?? {}).map((e) => e.value)]) {
    if (example === undefined) continue;
    checked++;
    const error = validator.requestBody(path, method, example);
    if (error) problems.push(`${method} ${path} request: ${error}`);
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} example problem(s)`);
  process.exit(1);
}
console.log(`${checked} examples conform to their schemas`);

// The entry of `make codegen` (`tsx scripts/codegen.ts [--check]`); the work is in scripts/codegen/orchestrator.ts.
import { main } from "./codegen/orchestrator";

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

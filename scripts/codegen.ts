// The entry of `make codegen` (`tsx scripts/codegen.ts [--check]`); the work is in scripts/codegen/main.ts.
import { main } from "./codegen/main";

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

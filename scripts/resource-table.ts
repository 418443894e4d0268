// Moved to scripts/codegen/render-readme-table.ts (`renderReadmeMethodTable`); the old names stay here until the
// branches that still import them are merged.
export { renderReadmeMethodTable as renderResourceTable, replaceReadmeTable } from "./codegen/render-readme-table";

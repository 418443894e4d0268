/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  // Sources import siblings with a .js suffix (what Node's ESM loader needs in dist/); jest runs the .ts files.
  // The examples import the package by name, as a consumer does; here that name is the source (tsconfig `paths`).
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^yclients-client$": "<rootDir>/src/index.ts",
    "^yclients-client/(testing|webhooks)$": "<rootDir>/src/$1/index.ts",
    "^yclients-client/(redis|validation)$": "<rootDir>/src/$1.ts",
  },
  testTimeout: 20000,
};

/** The package version, sent in the User-Agent. A test keeps it equal to package.json. */
export const VERSION = "0.3.0";

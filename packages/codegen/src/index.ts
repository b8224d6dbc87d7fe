export * from "./context.js";
export * from "./coverage.js";
export * from "./flatten.js";
export * from "./generator.js";
export * from "./json.js";
export * from "./run.js";

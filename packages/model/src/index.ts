export * from "./c-facts.js";
export * from "./diagnostics.js";
export * from "./ir.js";
export * from "./ir-schema.js";
export * from "./lookup.js";
export * from "./scalars.js";
export * from "./versions.js";

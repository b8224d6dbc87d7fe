export * from "./diagnostics.js";
export * from "./ir.js";
export * from "./lookup.js";
export * from "./scalars.js";

export * from "./format.js";
export * from "./registry.js";

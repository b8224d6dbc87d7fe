export * from "./capabilities.js";
export * from "./format.js";

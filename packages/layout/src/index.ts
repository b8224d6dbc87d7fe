export * from "./arg-slots.js";
export * from "./layout.js";

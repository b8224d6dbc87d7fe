export * from "./layout.js";

export * from "./registry-data.js";

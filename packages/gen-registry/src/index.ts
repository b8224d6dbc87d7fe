export * from "./registry-json.js";

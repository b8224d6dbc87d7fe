export { type LoadOptions, type LoadResult, loadSchemas, schemaFiles } from "./load.js";
export { validate } from "./validate.js";

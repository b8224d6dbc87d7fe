export {
  type AbiGroup,
  type Declarations,
  type LoadOptions,
  type LoadResult,
  loadSchemas,
  readDeclarations,
  schemaFiles,
} from "./load.js";
export { validate } from "./validate.js";

export { layoutJson } from "./commands.js";
export { formatLayout } from "./format-layout.js";
export { HELP, run } from "./main.js";

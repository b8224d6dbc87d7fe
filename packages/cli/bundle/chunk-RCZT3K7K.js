import {
  closest
} from "./chunk-XQVPLUMH.js";
import {
  CliError
} from "./chunk-VVNBBFBK.js";

// dist/query.js
import { openRegistry } from "@sysargs/registry";
function loadRegistry(dir) {
  return openRegistry(dir);
}
function requireAbi(registry, name) {
  const abi = registry.abi(name);
  if (abi)
    return abi.name;
  const hint = closest(name, registry.abiNamesAndAliases());
  throw new CliError(`unknown ABI "${name}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${registry.abiNames().join(", ")})`, 1);
}
function notFound(what, name, pool) {
  const hint = closest(name, pool);
  return new CliError(`unknown ${what} "${name}"${hint ? `; did you mean "${hint}"?` : ""}`, 1);
}

export {
  loadRegistry,
  requireAbi,
  notFound
};

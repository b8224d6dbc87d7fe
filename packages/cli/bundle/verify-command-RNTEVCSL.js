import {
  loadOrFail
} from "./chunk-WWBMBUNS.js";
import "./chunk-KAOGW6Y4.js";
import {
  requireAbi
} from "./chunk-RCZT3K7K.js";
import {
  RegistryIndex
} from "./chunk-XQVPLUMH.js";
import {
  CliError
} from "./chunk-VVNBBFBK.js";
import "./chunk-G67NX5UV.js";

// dist/verify-command.js
async function loadConformance() {
  try {
    return await import("@sysargs/conformance");
  } catch (e) {
    const code = e.code;
    if (code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("@sysargs/conformance"))
      throw new CliError("verify needs the conformance tool (@sysargs/conformance), which is part of the sysargs repository and not published: clone the repository, run pnpm install && pnpm start, then pnpm sysargs verify", 1);
    throw e;
  }
}
async function cmdVerify(opts, io) {
  const conformance = await loadConformance();
  const registry = opts.registry ?? loadOrFail(opts.schemas, "nothing was verified");
  const abi = opts.abi === void 0 ? void 0 : requireAbiOf(registry, opts.abi);
  const report = await conformance.verify(registry, {
    ...abi ? { abis: [abi] } : {},
    ...opts.requireToolchains === void 0 ? {} : { requireToolchains: opts.requireToolchains }
  });
  const { formatReport } = await import("./verify-report-R22K7BTH.js");
  io.out(opts.json ? JSON.stringify(report, null, 1) : formatReport(report, abi));
  return report.ok ? 0 : 1;
}
function requireAbiOf(registry, name) {
  const index = new RegistryIndex(registry);
  return requireAbi({
    abi: (n) => index.abi(n),
    abiNames: () => index.abiNames(),
    abiNamesAndAliases: () => registry.abis.flatMap((a) => [a.name, ...a.aliases])
  }, name);
}
export {
  cmdVerify
};

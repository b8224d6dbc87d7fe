// Temporary developer aid (not part of the package): load schemas, print diagnostics and layouts.
// Usage: cd packages/cli && npx tsx --conditions=sysargs-source dev-check.ts [TYPE [ABI...]]
import { LayoutEngine } from "@sysargs/layout";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic } from "@sysargs/model";

const r = loadSchemas(new URL("../../schemas", import.meta.url).pathname);
for (const d of r.diagnostics) console.log(formatDiagnostic(d));
const [type, ...abis] = process.argv.slice(2);
if (r.registry && type) {
  const e = new LayoutEngine(r.registry);
  for (const abi of abis.length ? abis : r.registry.abis.map((a) => a.name)) {
    const l = e.layout(type, abi);
    const fl = (fs: typeof l.fields, ind: string): string =>
      fs
        .map(
          (f) =>
            `${ind}${f.name}@${f.offset}:${f.size}${f.bitSize !== undefined ? ` bit ${f.bitOffset}:${f.bitSize}` : ""}${f.fields ? `\n${fl(f.fields, `${ind}  `)}` : ""}`,
        )
        .join("\n");
    console.log(`${abi}: size ${l.size} align ${l.align}\n${fl(l.fields, "  ")}`);
  }
}
if (r.registry)
  console.log(
    `OK: ${r.registry.types.length} types, ${r.registry.sets.length} sets, ${r.registry.syscalls.length} syscalls`,
  );

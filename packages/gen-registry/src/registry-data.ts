import {
  type GeneratedFile,
  type Generator,
  type GeneratorContext,
  generatedHeader,
  jsonWithHeader,
  withoutLocations,
} from "@sysargs/codegen";
import type { TableEntry } from "@sysargs/model";
import { IR_SCHEMA } from "@sysargs/model";
import type { IndexFile, LayoutGroup, StoredLayout, TypeFile } from "@sysargs/registry";
import { DATA_FORMAT } from "@sysargs/registry";

const NAME = "registry";

/**
 * The registry as data, for @sysargs/registry and any other language: the IR without source
 * locations, every type's layout on every ABI (stored once per distinct layout), split into one
 * small file per question a query asks. The format is described in packages/registry/src/format.ts.
 */
export const registryGenerator: Generator = {
  name: NAME,
  description: "the registry as data (IR and every layout on every ABI) for @sysargs/registry",
  outDir: "packages/registry/data",
  generate: generateRegistryData,
};

export function generateRegistryData(ctx: GeneratorContext): GeneratedFile[] {
  const r = withoutLocations(ctx.registry);
  const file = (path: string, from: string[], value: Record<string, unknown>): GeneratedFile => ({
    path,
    content: jsonWithHeader(generatedHeader(NAME, from), value),
  });
  const aliases: Record<string, string> = {};
  for (const a of r.abis) for (const alias of a.aliases) if (!(alias in aliases)) aliases[alias] = a.name;
  const index: Omit<IndexFile, "$comment"> = {
    format: DATA_FORMAT,
    irVersion: r.irVersion,
    kernel: r.kernel,
    abis: r.abis.map((a) => a.name),
    aliases,
    types: r.types.map((t) => t.name),
    sets: r.sets.map((s) => s.name),
    syscalls: r.syscalls.map((s) => s.name),
  };
  const schemaFiles = (decls: { loc: { file: string } }[]) => decls.map((d) => d.loc.file);
  const files: GeneratedFile[] = [
    file("index.json", ["schemas/"], { ...index }),
    file("abis.json", schemaFiles(ctx.registry.abis), { abis: r.abis }),
    file("sets.json", schemaFiles(ctx.registry.sets), { sets: r.sets }),
    {
      path: "ir.schema.json",
      content: jsonWithHeader(generatedHeader(NAME, ["packages/model/src/ir-schema.ts"]), IR_SCHEMA),
    },
  ];
  ctx.registry.types.forEach((t, i) => {
    const value: Omit<TypeFile, "$comment"> = { type: r.types[i]!, layouts: groupLayouts(ctx, t.name) };
    files.push(file(`types/${t.name}.json`, [t.loc.file], { ...value }));
  });
  const numbers = new Map<string, Record<string, TableEntry>>();
  for (const t of r.tables)
    for (const e of t.entries) {
      const byAbi = numbers.get(e.name) ?? {};
      byAbi[t.abi] = e;
      numbers.set(e.name, byAbi);
    }
  ctx.registry.syscalls.forEach((s, i) => {
    const from = [
      s.loc.file,
      ...(s.commands ? [s.commands.loc.file] : []),
      ...ctx.registry.tables.filter((t) => numbers.get(s.name)?.[t.abi]).map((t) => t.loc.file),
    ];
    files.push(
      file(`syscalls/${s.name}.json`, from, { syscall: r.syscalls[i]!, numbers: numbers.get(s.name) ?? {} }),
    );
  });
  ctx.registry.tables.forEach((t, i) => {
    files.push(file(`tables/${t.abi}.json`, [t.loc.file], { table: r.tables[i]! }));
  });
  return files;
}

/**
 * A type's layouts on every ABI, grouped: identical layouts are stored once with the ABIs that
 * share them; the group with the most ABIs (the first ABI in registry order breaks ties) is the
 * common part, the others are the per-ABI differences, in registry order of their first ABI.
 */
function groupLayouts(ctx: GeneratorContext, type: string): TypeFile["layouts"] {
  const groups = new Map<string, LayoutGroup>();
  for (const abi of ctx.abis) {
    const { abi: _a, name: _n, ...layout } = ctx.layout(type, abi.name);
    const stored: StoredLayout = layout;
    const key = JSON.stringify(stored);
    const g = groups.get(key);
    if (g) g.abis.push(abi.name);
    else groups.set(key, { abis: [abi.name], ...stored });
  }
  const all = [...groups.values()];
  const common = all.reduce((best, g) => (g.abis.length > best.abis.length ? g : best));
  return { common, differences: all.filter((g) => g !== common) };
}

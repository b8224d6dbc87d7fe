import { closest } from "@sysargs/model";
import type { GeneratorContext } from "./context.js";
import { GENERATED_MARKER, type GeneratedFile, type GenerateOptions, type Generator } from "./generator.js";

/** One generator's output: the folder it owns and its files, sorted by path. */
export interface GeneratorOutput {
  readonly generator: Generator;
  readonly files: GeneratedFile[];
}

/** A generator list or output that breaks the interface's rules; names the generator and file. */
export class GeneratorError extends Error {
  override name = "GeneratorError";
}

/** The generators named (all of them when none is), in list order; unknown names throw. */
export function selectGenerators(all: readonly Generator[], names: readonly string[]): Generator[] {
  checkList(all);
  if (names.length === 0) return [...all];
  const byName = new Map(all.map((g) => [g.name, g]));
  for (const n of names) {
    if (byName.has(n)) continue;
    const hint = closest(n, byName.keys());
    throw new GeneratorError(
      `unknown generator "${n}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${all.map((g) => g.name).join(", ")})`,
    );
  }
  return all.filter((g) => names.includes(g.name));
}

/** Names unique and well-formed; output folders relative, distinct and never nested in each other. */
function checkList(all: readonly Generator[]): void {
  const seen = new Set<string>();
  for (const g of all) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(g.name))
      throw new GeneratorError(`generator name "${g.name}" must be lower-case words joined by dashes`);
    if (seen.has(g.name)) throw new GeneratorError(`two generators are named "${g.name}"`);
    seen.add(g.name);
    if (!isPlainRelative(g.outDir))
      throw new GeneratorError(`generator "${g.name}": outDir "${g.outDir}" must be a plain relative folder`);
  }
  for (const a of all)
    for (const b of all)
      if (a !== b && (a.outDir === b.outDir || b.outDir.startsWith(`${a.outDir}/`)))
        throw new GeneratorError(`generators "${a.name}" and "${b.name}" share the folder ${a.outDir}`);
}

const isPlainRelative = (p: string): boolean =>
  p !== "" &&
  !p.startsWith("/") &&
  !p.endsWith("/") &&
  p.split("/").every((s) => s !== "" && s !== "." && s !== "..");

/**
 * Runs generators over one context and checks what they return: plain relative paths, no path
 * twice, and the generated-file header near the top of every file. Files come back sorted, so
 * output never depends on the order a generator happened to produce them in.
 */
export function runGenerators(
  ctx: GeneratorContext,
  generators: readonly Generator[],
  options: { readonly abis?: readonly string[] } = {},
): GeneratorOutput[] {
  checkList(generators);
  const generateOptions = abiSelection(ctx, generators, options.abis);
  return generators.map((generator) => {
    const files = generator.generate(ctx, generateOptions);
    const seen = new Set<string>();
    for (const f of files) {
      const where = `generator "${generator.name}", file ${f.path}`;
      if (!isPlainRelative(f.path)) throw new GeneratorError(`${where}: not a plain relative path`);
      if (seen.has(f.path)) throw new GeneratorError(`${where}: written twice`);
      seen.add(f.path);
      if (!f.content.slice(0, 300).includes(GENERATED_MARKER))
        throw new GeneratorError(
          `${where}: does not start with the generated-file header ("${GENERATED_MARKER} ...")`,
        );
    }
    return { generator, files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  });
}

/**
 * Resolves an ABI selection to canonical names in the registry's order (aliases accepted, each
 * ABI once). Refused when a selected generator always writes every ABI, since its folder would
 * then not say what was asked for.
 */
function abiSelection(
  ctx: GeneratorContext,
  generators: readonly Generator[],
  abis: readonly string[] | undefined,
): GenerateOptions {
  if (abis === undefined) return {};
  if (abis.length === 0) throw new GeneratorError("the ABI selection is empty");
  const refusing = generators.filter((g) => !g.selectsAbis).map((g) => g.name);
  if (refusing.length)
    throw new GeneratorError(
      `generator${refusing.length > 1 ? "s" : ""} ${refusing.map((n) => `"${n}"`).join(", ")} always write${refusing.length > 1 ? "" : "s"} every ABI; an ABI selection applies only to ${
        generators
          .filter((g) => g.selectsAbis)
          .map((g) => `"${g.name}"`)
          .join(", ") || "generators that select ABIs"
      }`,
    );
  const wanted = new Set<string>();
  for (const a of abis) {
    const abi = ctx.index.abi(a);
    if (!abi) {
      const hint = closest(
        a,
        ctx.abis.map((x) => x.name),
      );
      throw new GeneratorError(`unknown ABI "${a}"${hint ? `; did you mean "${hint}"?` : ""}`);
    }
    wanted.add(abi.name);
  }
  return { abis: ctx.abis.map((a) => a.name).filter((n) => wanted.has(n)) };
}

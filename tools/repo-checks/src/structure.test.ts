import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every .ts source below `dir` (tests included, declaration files and build output not). */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts") && !d.name.endsWith(".d.ts"))
    .map((d) => join(d.parentPath, d.name))
    .filter((f) => !/\/(node_modules|dist|bundle)\//.test(f));
}

/**
 * The static import and re-export specifiers of a file, type-only ones included (a type cycle
 * still ties two modules together); dynamic `import()` is how commands load lazily, so it is left out.
 */
function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gms)].map((m) => m[1]!);
}

const packageDirs = (parent: string) =>
  readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(ROOT, parent, d.name));

/** The relative-import graph of a set of files: file -> files it imports. */
function graph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const g = new Map<string, string[]>();
  for (const f of files)
    g.set(
      f,
      specifiers(f)
        .filter((s) => s.startsWith("."))
        .map((s) => resolve(dirname(f), s.replace(/\.js$/, ".ts")))
        .filter((t) => known.has(t)),
    );
  return g;
}

/** Every cycle found by a depth-first search, each as the files around it. */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "active");
    stack.push(f);
    for (const t of g.get(f) ?? []) {
      if (state.get(t) === "active") found.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of [...g.keys()].sort()) if (!state.has(f)) visit(f);
  return found.map((c) => c.map((f) => relative(ROOT, f)));
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const workspace = [...packageDirs("packages"), ...packageDirs("tools"), join(ROOT, "schemas")].map((dir) => ({
  dir,
  pkg: manifest(dir),
}));

describe("repository structure", () => {
  it("has no import cycle inside any package or the schemas", () => {
    for (const { dir } of workspace) expect(cycles(graph(sources(dir))), relative(ROOT, dir)).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const a = join(ROOT, "a.ts");
    const b = join(ROOT, "b.ts");
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });

  // `sysargs verify` loads the conformance tool with a dynamic import() and says how to get it when
  // it is missing; a static import would make the published CLI depend on an unpublished tool.
  it("never imports a tool from packages/ (statically)", () => {
    const tools = new Set(
      workspace.filter((w) => w.dir.includes("/tools/")).map((w) => w.pkg.name as string),
    );
    const offenders: string[] = [];
    for (const dir of packageDirs("packages"))
      for (const f of sources(dir))
        for (const s of specifiers(f))
          if (
            tools.has(s) ||
            [...tools].some((t) => s.startsWith(`${t}/`)) ||
            resolve(dirname(f), s).includes("/tools/")
          )
            offenders.push(`${relative(ROOT, f)} imports ${s}`);
    expect(tools.has("@sysargs/conformance")).toBe(true);
    expect(offenders).toEqual([]);
  });

  it("lets public packages depend only on public packages", () => {
    const isPrivate = new Map(workspace.map((w) => [w.pkg.name as string, w.pkg.private === true]));
    const offenders: string[] = [];
    for (const { pkg } of workspace) {
      if (pkg.private) continue;
      for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }))
        if (isPrivate.get(dep)) offenders.push(`${pkg.name} -> ${dep}`);
    }
    expect(workspace.filter((w) => !w.pkg.private).map((w) => w.pkg.name)).toContain("sysargs");
    expect(offenders).toEqual([]);
  });
});

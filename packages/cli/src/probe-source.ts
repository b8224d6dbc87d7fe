import { signatureFor } from "@sysargs/codegen";
import type { CompositeDecl } from "@sysargs/model";
import type { SysargsRegistry } from "@sysargs/registry";
import { PROBE_RECIPES, type ProbeRecipe } from "./probe-recipes.js";

/** One recipe resolved against the registry on one ABI: what the C helper needs, nothing more. */
export interface ResolvedRecipe {
  recipe: ProbeRecipe;
  nr: number;
  /** Argument kinds by position: a number, an empty string, the struct pointer or its size. */
  args: ({ value: number } | { empty: true } | { struct: true } | { size: true })[];
  /** Where the struct carries its own size (sched_attr, perf_event_attr, mnt_id_req), else null. */
  sizeField: { offset: number; size: number } | null;
  /** The struct's first published size: the probe starts there (smaller sizes fail before the copy). */
  minSize: number;
  /** The registry's newest size and every published version. */
  versions: { size: number; since: string }[];
  /** Byte ranges set to all ones (the rest is zero). */
  ones: { offset: number; size: number }[];
}

export class ProbeSourceError extends Error {
  override name = "ProbeSourceError";
}

/**
 * Resolves every recipe whose syscall the ABI has: syscall number, argument positions, struct
 * offsets and sizes come from the registry. A recipe naming an argument or field the registry does
 * not have is an error (the recipe went stale), never a guess.
 */
export function resolveRecipes(registry: SysargsRegistry, abi: string): ResolvedRecipe[] {
  const out: ResolvedRecipe[] = [];
  for (const recipe of PROBE_RECIPES) {
    const nr = registry.numbers(recipe.syscall)?.[abi]?.number;
    const decl = registry.syscall(recipe.syscall);
    if (nr === undefined || !decl) continue;
    const where = `probe recipe ${recipe.syscall} on ${abi}`;
    const sig = signatureFor(decl, abi);
    const type = registry.type(recipe.struct);
    const layout = registry.layout(recipe.struct, abi);
    if (!sig || !type || type.kind === "variant" || !(type as CompositeDecl).extensible || !layout)
      throw new ProbeSourceError(
        `${where}: the registry has no signature or no extensible struct ${recipe.struct}`,
      );
    const ext = (type as CompositeDecl).extensible!;
    const ptr = sig.params.find(
      (p) => p.type.kind === "pointer" && p.type.to.kind === "named" && p.type.to.name === recipe.struct,
    );
    if (!ptr) throw new ProbeSourceError(`${where}: no argument points at ${recipe.struct}`);
    for (const name of Object.keys(recipe.args))
      if (!sig.params.some((p) => p.name === name))
        throw new ProbeSourceError(`${where}: no argument "${name}"`);
    const args = sig.params.map((p) => {
      if (p === ptr) return { struct: true as const };
      if (ext.sizeIn.kind === "argument" && p.ann.of === ptr.name) return { size: true as const };
      const v = recipe.args[p.name];
      return v === "" ? { empty: true as const } : { value: v ?? 0 };
    });
    if (ext.sizeIn.kind === "argument" && !args.some((a) => "size" in a))
      throw new ProbeSourceError(`${where}: no argument carries the size of ${ptr.name}`);
    const field = (name: string) => {
      const f = layout.fields.find((x) => x.name === name);
      if (!f) throw new ProbeSourceError(`${where}: ${recipe.struct} has no field "${name}"`);
      return { offset: f.offset, size: f.size };
    };
    const sizeField = ext.sizeIn.kind === "field" ? field(ext.sizeIn.field) : null;
    const minSize = ext.versions[0]!.size;
    const ones = Object.entries(recipe.reject).flatMap(([name, how]) => {
      const f = field(name);
      // A rejection outside the first version would let a smaller struct through.
      if (f.offset + f.size > minSize)
        throw new ProbeSourceError(`${where}: ${name} lies beyond the first version (${minSize} bytes)`);
      return how === "ones" ? [f] : [];
    });
    out.push({
      recipe,
      nr,
      args,
      sizeField,
      minSize,
      versions: ext.versions.map((v) => ({ size: v.size, since: v.since })),
      ones,
    });
  }
  return out;
}

/**
 * The C helper: for each recipe, every size from the first version to one page, with one non-zero
 * byte at the end; it prints the first errno, the largest size not answered E2BIG, and whether the
 * kernel ever accepted the call (which the recipes make impossible; the helper then stops that
 * recipe at once). Plain C with <errno.h>, <stdio.h>, <string.h>, <unistd.h> and <sys/syscall.h>.
 */
export function probeSource(recipes: readonly ResolvedRecipe[], abi: string): string {
  const maxOnes = Math.max(1, ...recipes.map((r) => r.ones.length));
  if (recipes.some((r) => r.args.length > 6))
    throw new ProbeSourceError("a syscall takes at most 6 arguments");
  const rows = recipes.map((r) => {
    const kinds = r.args.map((a) => ("struct" in a ? 2 : "size" in a ? 3 : "empty" in a ? 1 : 0));
    const values = r.args.map((a) => ("value" in a ? `${a.value}L` : "0L"));
    const ones = r.ones.map((o) => `{ ${o.offset}, ${o.size} }`);
    while (kinds.length < 6) {
      kinds.push(0);
      values.push("0L");
    }
    while (ones.length < maxOnes) ones.push("{ 0, 0 }");
    return `  { "${r.recipe.syscall}", ${r.nr}L, ${r.args.length}, { ${kinds.join(", ")} }, { ${values.join(", ")} }, ${r.sizeField?.offset ?? -1}, ${r.sizeField?.size ?? 0}, ${r.minSize}, ${r.ones.length}, { ${ones.join(", ")} } }`;
  });
  if (rows.length === 0) rows.push('  { "", 0L, 0, { 0 }, { 0 }, -1, 0, 0, 0, { { 0, 0 } } }');
  return `/* sysargs probe helper for ABI ${abi}: generated from the registry by sysargs probe. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/types.h>

#define PAGE 4096
struct span { int offset, size; };
struct recipe {
  const char *name;
  long nr;
  int nargs;
  int kind[6];     /* 0 value, 1 empty string, 2 the struct, 3 its size */
  long value[6];
  int size_off, size_len;   /* where the struct holds its own size; -1: an argument does */
  int min;
  int nones;
  struct span ones[${maxOnes}];
};

static const struct recipe recipes[] = {
${rows.join(",\n")}
};

static unsigned char buf[PAGE + 64] __attribute__((aligned(16)));
static const char empty[1] = "";

static long call(const struct recipe *r, int size) {
  long a[6];
  int i;
  for (i = 0; i < 6; i++) {
    switch (r->kind[i]) {
    case 1: a[i] = (long)empty; break;
    case 2: a[i] = (long)buf; break;
    case 3: a[i] = size; break;
    default: a[i] = r->value[i];
    }
  }
  return syscall(r->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int main(void) {
  const pid_t self = getpid();
  size_t n;
  for (n = 0; n < sizeof recipes / sizeof recipes[0]; n++) {
    const struct recipe *r = &recipes[n];
    int size, first = 0, known = -1, accepted = 0, i;
    if (r->name[0] == 0) continue;
    for (size = r->min; size <= PAGE; size++) {
      long ret;
      memset(buf, 0, sizeof buf);
      for (i = 0; i < r->nones; i++) memset(buf + r->ones[i].offset, 0xff, (size_t)r->ones[i].size);
      if (r->size_off >= 0) {
        uint32_t s = (uint32_t)size;
        memcpy(buf + r->size_off, &s, sizeof s);
      }
      if (buf[size - 1] == 0) buf[size - 1] = 1;
      errno = 0;
      ret = call(r, size);
      if (ret >= 0) {
        /* Never expected: the recipe failed to make the kernel reject the call. Stop at once; a
           process that is not the helper (a clone that should never have happened) leaves now. */
        if (getpid() != self) _exit(0);
        accepted = 1;
        if (ret > 2) close((int)ret);
        break;
      }
      if (size == r->min) first = errno;
      if (errno == ENOSYS || (size == r->min && errno != EINVAL && errno != E2BIG)) break;
      if (errno == E2BIG) break;
      known = size;
    }
    printf("probe %s %d %d %d %d\\n", r->name, first, known, accepted, errno);
  }
  return 0;
}
`;
}

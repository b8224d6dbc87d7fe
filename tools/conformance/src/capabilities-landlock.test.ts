// The capability list's Landlock facts (packages/gen-caps/src/landlock-facts.ts) against
// include/uapi/linux/landlock.h of Linux 6.12: each right's value and the Landlock ABI version its
// doc comment says it came with. Skips without linux-source-6.12 locally, fails in CI mode.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CapabilitiesFile, DEFAULT_CAPS_DIR } from "@sysargs/capabilities";
import {
  KERNEL_SOURCE_PACKAGE,
  KERNEL_SOURCE_TARBALL,
  kernelSourceInstalled,
  missingKernelSourceMessage,
  openKernelSource,
} from "@sysargs/kernel-source";
import { describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";

const caps = JSON.parse(
  readFileSync(join(DEFAULT_CAPS_DIR, "capabilities.json"), "utf8"),
) as CapabilitiesFile;

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };

describe("Landlock facts", () => {
  const g = gate(
    kernelSourceInstalled()
      ? []
      : [
          {
            what: KERNEL_SOURCE_PACKAGE,
            why: missingKernelSourceMessage(),
            packages: [KERNEL_SOURCE_PACKAGE],
          },
        ],
    ciMode(),
  );
  it.skipIf(g.skip)(
    `agree with include/uapi/linux/landlock.h of Linux 6.12: values and "available since the Nth version of the Landlock ABI"${g.why ? ` (${g.why})` : ""}`,
    () => {
      requirePresent(g);
      const source = openKernelSource(KERNEL_SOURCE_TARBALL, ["include/uapi/linux/landlock.h"]);
      try {
        const h = source.read("include/uapi/linux/landlock.h")!;
        const defined = new Map(
          [...h.matchAll(/^#define\s+(LANDLOCK_ACCESS_FS_\w+)\s+\(1ULL << (\d+)\)/gm)].map((m) => [
            m[1]!,
            2 ** Number(m[2]),
          ]),
        );
        // Each right's paragraph in the doc comment: "- %NAME: ..." up to the next "- %".
        const paragraphs = new Map(
          [...h.matchAll(/^ \* - %(LANDLOCK_ACCESS_FS_\w+):([\s\S]*?)(?=^ \* - %|^ \*\/)/gm)].map((m) => [
            m[1]!,
            m[2]!,
          ]),
        );
        expect(defined.size).toBe(16);
        expect(caps.landlock.rights.map((r) => r.name).sort()).toEqual([...defined.keys()].sort());
        for (const r of caps.landlock.rights) {
          expect(r.value, r.name).toBe(defined.get(r.name));
          const said = /available since the (\w+) version of the\s+\*?\s*Landlock\s+\*?\s*ABI/.exec(
            (paragraphs.get(r.name) ?? "").replace(/\n \*\s*/g, " "),
          );
          expect(r.abi, r.name).toBe(said ? ORDINALS[said[1]!] : 1);
        }
      } finally {
        source.dispose();
      }
    },
  );
});

import { type FieldLayout, holes, type TypeLayout } from "@sysargs/layout";

/** pahole-style text: one line per member with offset and size, holes and padding called out. */
export function formatLayout(l: TypeLayout): string {
  const lines = [`${l.kind} ${l.name} {\t/* ${l.abi}: size ${l.size}, align ${l.align} */`];
  const hs = holes(l);
  const holeAfter = new Map(hs.filter((h) => h.after).map((h) => [h.after, h]));
  const emit = (fields: FieldLayout[], depth: number, base: number) => {
    const ind = "\t".repeat(depth);
    for (const f of fields) {
      const abs = base + f.offset;
      if (f.fields) {
        lines.push(`${ind}${f.type}${f.anonymous ? "" : ""} {\t/* ${pad(abs, 5)} ${pad(f.size, 5)} */`);
        emit(f.fields, depth + 1, abs);
        lines.push(`${ind}}${f.anonymous ? "" : ` ${f.name}`};`);
      } else if (f.bitSize !== undefined) {
        const bitBase = base * 8 + f.bitOffset!;
        const decl = `${f.type} ${f.name}:${f.bitSize};`;
        lines.push(
          `${ind}${decl.padEnd(40)}/* ${pad(Math.floor(bitBase / 8), 5)}:${pad(bitBase % 8, 2)} ${pad(f.size, 4)} */`,
        );
      } else {
        const decl = `${f.type} ${f.name};`;
        lines.push(`${ind}${decl.padEnd(40)}/* ${pad(abs, 5)} ${pad(f.size, 5)} */`);
      }
      if (depth === 1) {
        const h = holeAfter.get(f.name);
        if (h) lines.push(`\n${ind}/* XXX ${h.size} byte${h.size === 1 ? "" : "s"} hole, try to pack */\n`);
      }
    }
  };
  emit(l.fields, 1, 0);
  const trailing = hs.find((h) => !h.after);
  const holeCount = hs.filter((h) => h.after).length;
  const holeBytes = hs.filter((h) => h.after).reduce((s, h) => s + h.size, 0);
  lines.push(
    `};\t/* size: ${l.size}, align: ${l.align}, members: ${l.fields.length}, holes: ${holeCount} (${holeBytes} byte${holeBytes === 1 ? "" : "s"}), padding: ${trailing?.size ?? 0} */`,
  );
  return lines.join("\n");
}

const pad = (n: number, w: number) => String(n).padStart(w);

/**
 * A minimal reader for relocatable ELF objects (what `gcc -c` writes): the symbol table and the
 * bytes each defined symbol covers. That is all the probes need, and reading the object directly
 * avoids one nm/objcopy process per value. Handles ELF32 and ELF64 in both byte orders.
 */

export interface ElfSymbol {
  readonly name: string;
  readonly size: number;
  /** The symbol's bytes (zeros for .bss/common); undefined for undefined or absolute symbols. */
  readonly bytes: Uint8Array | undefined;
}

export interface ElfObject {
  readonly bits: 32 | 64;
  readonly endian: "little" | "big";
  readonly symbols: ReadonlyMap<string, ElfSymbol>;
}

export class ElfError extends Error {
  override name = "ElfError";
}

const SHT_SYMTAB = 2;
const SHT_NOBITS = 8;
const SHN_UNDEF = 0;
const SHN_LORESERVE = 0xff00;
const SHN_COMMON = 0xfff2;

interface Section {
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

export function readElf(file: Uint8Array): ElfObject {
  if (file.length < 52 || file[0] !== 0x7f || file[1] !== 0x45 || file[2] !== 0x4c || file[3] !== 0x46) {
    throw new ElfError("not an ELF file");
  }
  const cls = file[4];
  const data = file[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2))
    throw new ElfError("unknown ELF class or byte order");
  const is64 = cls === 2;
  const little = data === 1;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const check = (at: number, len: number): void => {
    if (at < 0 || at + len > file.length)
      throw new ElfError(`truncated ELF file (need ${len} bytes at ${at})`);
  };
  const u16 = (at: number): number => {
    check(at, 2);
    return view.getUint16(at, little);
  };
  const u32 = (at: number): number => {
    check(at, 4);
    return view.getUint32(at, little);
  };
  const addr = (at: number): number => {
    if (!is64) return u32(at);
    check(at, 8);
    const v = view.getBigUint64(at, little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError("ELF value out of range");
    return Number(v);
  };

  const shoff = is64 ? addr(0x28) : u32(0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const sections: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const p = shoff + i * shentsize;
    sections.push(
      is64
        ? {
            type: u32(p + 4),
            offset: addr(p + 0x18),
            size: addr(p + 0x20),
            link: u32(p + 0x28),
            entsize: addr(p + 0x38),
          }
        : {
            type: u32(p + 4),
            offset: u32(p + 0x10),
            size: u32(p + 0x14),
            link: u32(p + 0x18),
            entsize: u32(p + 0x24),
          },
    );
  }

  const symbols = new Map<string, ElfSymbol>();
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (!symtab) return { bits: is64 ? 64 : 32, endian: little ? "little" : "big", symbols };
  const strtab = sections[symtab.link];
  if (!strtab) throw new ElfError("symbol table without a string table");
  const str = (off: number): string => {
    const start = strtab.offset + off;
    let end = start;
    while (end < file.length && file[end] !== 0) end++;
    return Buffer.from(file.subarray(start, end)).toString("latin1");
  };
  const entsize = symtab.entsize || (is64 ? 24 : 16);
  for (let p = symtab.offset; p + entsize <= symtab.offset + symtab.size; p += entsize) {
    const name = str(u32(p));
    if (name === "") continue;
    const shndx = u16(is64 ? p + 6 : p + 14);
    const value = is64 ? addr(p + 8) : u32(p + 4);
    const size = is64 ? addr(p + 16) : u32(p + 8);
    let bytes: Uint8Array | undefined;
    if (shndx === SHN_COMMON) bytes = new Uint8Array(size);
    else if (shndx !== SHN_UNDEF && shndx < SHN_LORESERVE) {
      const sec = sections[shndx];
      if (!sec) throw new ElfError(`symbol ${name} in missing section ${shndx}`);
      if (sec.type === SHT_NOBITS) bytes = new Uint8Array(size);
      else {
        check(sec.offset + value, size);
        bytes = file.subarray(sec.offset + value, sec.offset + value + size);
      }
    }
    symbols.set(name, { name, size, bytes });
  }
  return { bits: is64 ? 64 : 32, endian: little ? "little" : "big", symbols };
}

/** Reads `count` signed 64-bit integers from a symbol's bytes. */
export function readInt64s(bytes: Uint8Array, endian: "little" | "big"): bigint[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: bigint[] = [];
  for (let i = 0; i + 8 <= bytes.length; i += 8) out.push(view.getBigInt64(i, endian === "little"));
  return out;
}

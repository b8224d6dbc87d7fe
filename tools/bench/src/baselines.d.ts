// The few members of the two baseline libraries the decode benchmark uses: binary-parser's types are
// not reachable through its "exports", and restructure ships none.
declare module "binary-parser" {
  export class Parser {
    uint16le(name: string): Parser;
    uint32le(name: string): Parser;
    int32le(name: string): Parser;
    uint64le(name: string): Parser;
    parse(buffer: Uint8Array): Record<string, unknown>;
  }
}

declare module "restructure" {
  export interface NumberType {
    readonly size: number;
  }
  export const uint16le: NumberType;
  export const uint32le: NumberType;
  export const int32le: NumberType;
  export class Struct {
    constructor(fields: Record<string, NumberType>);
    fromBuffer(buffer: Uint8Array): Record<string, unknown>;
  }
}

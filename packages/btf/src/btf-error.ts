/**
 * Every problem found in a BTF blob is reported as a BtfError, so callers can tell
 * "this kernel's BTF is unusable" apart from bugs in their own code. `offset` is the
 * absolute byte offset in the blob where the problem was found, when there is one,
 * so a report can point at the exact bytes.
 */
export class BtfError extends Error {
  override readonly name = "BtfError";
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`);
    this.offset = offset;
  }
}

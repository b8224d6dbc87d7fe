/** An error the CLI reports as one line on stderr with its exit code (1: not found/invalid, 2: usage). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string): CliError => new CliError(`${message} (see "sysargs help")`, 2);

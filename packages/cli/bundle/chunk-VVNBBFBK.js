// dist/errors.js
var CliError = class extends Error {
  exitCode;
  constructor(message, exitCode) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
};
var usageError = (message) => new CliError(`${message} (see "sysargs help")`, 2);

export {
  CliError,
  usageError
};

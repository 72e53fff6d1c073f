/** Entry point of the `folio` binary (bundled to out/main/cli.js). */
import { main } from './main';
import { errorLine, printError } from './output';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    printError(errorLine(err));
    process.exitCode = 1;
  },
);

/** Entry point of the `folio` binary (bundled to out/main/cli.js). */
import { main } from './main';
import { errorLine } from './output';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`folio: ${errorLine(err)}\n`);
    process.exitCode = 1;
  },
);

/** `folio serve <library> [--port N]`: the loopback web bridge for the whole UI. */
import { startBridge } from '../../bridge/server';
import { findRendererDir } from '../../bridge/static-files';
import { forwardEvents } from '../../api/events';
import { CliError, printJson, printLines } from '../output';
import { flag, str, type Command } from '../command';
import { openForCli } from '../open-session';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'folio serve <library> [--port N] [--data DIR] [--no-watch] [--json]',
  options: { port: { type: 'string' }, 'no-watch': { type: 'boolean' } },
  async run(args) {
    const portArg = str(args, 'port') ?? '0';
    const port = Number(portArg);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid --port: ${portArg}`);
    const rendererDir = findRendererDir();
    if (!rendererDir) throw new CliError('the renderer is not built: run `npm run build` first');
    const { session, handlers } = await openForCli(args, { search: true, watch: !flag(args, 'no-watch') });
    const bridge = await startBridge({
      handlers,
      subscribe: (listener) => forwardEvents(session.events, listener),
      rendererDir,
      port,
    });
    if (flag(args, 'json')) printJson({ url: bridge.url, port: bridge.port, library: session.libraryRoot, dataDir: session.dataDir });
    else {
      printLines([`Folio is serving ${session.libraryRoot}`, `Open: ${bridge.url}`, 'Only this machine can connect (127.0.0.1). Press Ctrl+C to stop.']);
    }
    const stop = async () => {
      await bridge.close();
      await session.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    await new Promise<never>(() => undefined);
  },
};

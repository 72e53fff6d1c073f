// Piscina worker entry for TypeScript sources (vitest, tsx): registers tsx's ESM hooks in this
// worker thread, then re-exports the real entry's task function. Never used by the built app,
// whose worker entries are plain JavaScript (out/main/<name>.js). See worker-location.ts.
import { workerData } from 'node:worker_threads';

const { tsxApi, entry } = workerData.folioTsx;
const api = await import(tsxApi);
(api.register ?? api.default.register)();
const mod = await import(entry);
export default mod.default;

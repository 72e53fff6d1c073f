// Folio's layering as an allow-list per folder, in the spirit of VS Code's `code-import-patterns`:
// each layer names what it may import, and everything else is an error. ESLint's
// no-restricted-imports only denies raw import strings, so `'fs'`, `'../../core/x'` from a deeper
// folder, or a layer nobody thought to deny slip through; this rule resolves every relative import
// to the folder it lands in and classifies bare names (Node built-ins, `electron`, packages).
import { isBuiltin } from 'node:module';
import path from 'node:path';

/**
 * What each layer may import, besides itself and npm packages (which every layer may use).
 * `node`: Node built-ins; `electron`: the electron module.
 */
export const LAYERS = {
  shared: [],
  core: ['shared', 'node'],
  api: ['core', 'shared', 'node'],
  bridge: ['api', 'core', 'shared', 'node'],
  // `folio serve` starts the bridge: the CLI composes the web transport as main.ts does Electron's.
  cli: ['bridge', 'api', 'core', 'shared', 'node'],
  // The desktop shell reuses the bridge's CSP and static-file checks for its app:// protocol.
  shell: ['bridge', 'api', 'core', 'shared', 'node', 'electron'],
  main: ['shell', 'bridge', 'api', 'core', 'shared', 'node', 'electron'],
  // The preload is sandboxed: no Node built-ins there.
  preload: ['shared', 'electron'],
  renderer: ['shared'],
};

const WHY = {
  shared: 'shared/ is pure TypeScript the renderer also runs: no Node, no Electron, no other layer',
  core: 'core/ is plain Node: shared/ and Node only (never Electron, the API, bridge, CLI or shell)',
  api: 'api/ implements the contract on core/: core/, shared/ and Node only',
  bridge: 'bridge/ carries the API over HTTP: api/, core/, shared/ and Node only',
  cli: 'cli/ runs the API from a terminal: bridge/ (for serve), api/, core/, shared/ and Node only',
  shell: 'shell/ wires Electron to the API: bridge/, api/, core/, shared/, Node and electron',
  main: 'main.ts wires the Electron app',
  preload: 'the sandboxed preload may import only shared/ and electron',
  renderer: 'the renderer reaches main only through the API contract: shared/ and packages only',
};

/** The layer of a file or folder under `root`, or null outside the layered source. */
export function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (rel.startsWith('src-renderer/')) return 'renderer';
  if (rel === 'src-main/main.ts') return 'main';
  const m = /^src-main\/([^/]+)\//.exec(rel);
  return m && m[1] in LAYERS ? m[1] : null;
}

/** The layer an import specifier reaches from `file`: a layer name, 'node', 'electron', 'package' or 'other'. */
export function targetOf(spec, file, root) {
  if (spec === 'electron' || spec.startsWith('electron/')) return 'electron';
  if (spec.startsWith('node:') || isBuiltin(spec)) return 'node';
  if (spec === '@shared' || spec.startsWith('@shared/')) return 'shared';
  if (spec.startsWith('.') || path.isAbsolute(spec)) return layerOf(path.resolve(path.dirname(file), spec), root) ?? 'other';
  return 'package';
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each source folder imports only from the layers it is allowed' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { forbidden: "'{{spec}}' reaches {{target}}, which {{layer}} may not import ({{why}})." },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const layer = layerOf(file, root);
    if (!layer) return {};
    const allowed = new Set([layer, 'package', ...LAYERS[layer]]);
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const target = targetOf(node.value, file, root);
      if (allowed.has(target)) return;
      const name = target === 'node' ? 'a Node built-in' : target === 'other' ? 'a file outside the layered source' : target === 'package' ? 'a package' : `${target}/`;
      context.report({ node, messageId: 'forbidden', data: { spec: node.value, target: name, layer: layer === 'main' ? 'main.ts' : `${layer}/`, why: WHY[layer] } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0]);
      },
    };
  },
};

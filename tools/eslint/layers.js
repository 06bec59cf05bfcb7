// @ts-check
/**
 * The layer rule (compare VS Code's layering by runtime): each folder under src/ is one runtime
 * layer and may import only the layers listed here. Relative imports are resolved against the
 * importing file, so `../hub/x` from src/main/ (src/main/hub) and from src/ (src/hub) are told
 * apart. Node built-ins (with or without `node:`, subpaths such as `fs/promises` included) are
 * banned outside Node layers. See ../shared/DESIGN.md §3.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/** layer → the layers it may import (itself always allowed). */
export const LAYERS = {
  shared: [],
  node: ['shared'],
  main: ['shared', 'node'],
  host: ['shared', 'node', 'main'],
  hub: ['shared', 'node'],
  preload: ['shared'],
  renderer: ['shared'],
  demo: ['shared', 'node', 'hub'],
  cli: ['shared', 'node', 'hub', 'demo', 'main'],
};

/** Entry points hand the demo hub to the backend, so they alone may import src/demo. */
const ENTRY_POINT_EXTRAS = {
  'src/main/electron/index.ts': ['demo'],
  'src/host/cli.ts': ['demo'],
};

/** Layers that run without Node (the page, and the pure domain both sides share). */
const NO_NODE = new Set(['shared', 'renderer']);
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

function isBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0] ?? '');
}

/** The src/ layer a path belongs to, or undefined outside src/. */
function layerOf(root, file) {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'src' && parts.length > 1 ? parts[1] : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each src/ layer imports only the layers DESIGN.md allows.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from || !(from in LAYERS)) return {};
    const own = relative(root, file).split(sep).join('/');
    const isTest = /\.test\.tsx?$/.test(own);
    const allowed = new Set([from, ...LAYERS[from], ...(ENTRY_POINT_EXTRAS[own] ?? [])]);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      // Tests beside shared code run under vitest in Node (reading the published schema files, say).
      if (NO_NODE.has(from) && !isTest && isBuiltin(spec)) {
        context.report({ node, message: `src/${from} runs without Node: "${spec}" is a Node built-in.` });
        return;
      }
      if (!spec.startsWith('.')) return;
      const to = layerOf(root, resolve(dirname(file), spec));
      if (to && !allowed.has(to)) {
        context.report({
          node,
          message: `src/${from} may not import src/${to} (allowed: ${[...allowed].join(', ')}; see DESIGN.md §3).`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

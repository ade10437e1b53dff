// Build step (run by `npm run build` and by `prepare` on install): bundle the CLI into dist/cli.cjs.
// The JSON Schemas are compiled here, once, into ajv standalone validators that replace
// src/core/schema-validators.ts in the bundle, so nothing is compiled when the CLI starts.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { cellModule, patchCell } from './patch-cli-table3.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaNames = ['plan', 'actuals', 'config'];

function standaloneValidators() {
  // the same options as src/core/schema-validators.ts, so the CLI and the tests agree
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    code: { source: true, esm: true },
  });
  const exports = {};
  for (const name of schemaNames) {
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas', `${name}.schema.json`), 'utf8'));
    ajv.addSchema(schema);
    exports[`${name}Validator`] = schema.$id;
  }
  const imports = schemaNames.map((name) => `import ${name}Schema from '../../schemas/${name}.schema.json';`).join('\n');
  return `${imports}
${standaloneCode(ajv, exports)}
export const schemas = { ${schemaNames.map((n) => `${n}: ${n}Schema`).join(', ')} };
const validators = { ${schemaNames.map((n) => `${n}: ${n}Validator`).join(', ')} };
export function getValidator(name) { return validators[name]; }
`;
}

const precompiledSchemas = {
  name: 'precompiled-schemas',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /src[\\/]core[\\/]schema-validators\.ts$/ }, (args) => ({
      contents: standaloneValidators(),
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

// cli-table3 measures every cell with string-width several times per render; route its calls
// through our cached measure (one measurement per distinct string, a fast path for ASCII).
const cachedStringWidth = {
  name: 'cached-string-width',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^string-width$/ }, (args) =>
      /cli-table3/.test(args.importer) ? { path: 'string-width', namespace: 'cached-string-width' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'cached-string-width' }, () => ({
      contents: `module.exports = require(${JSON.stringify(path.join(root, 'src', 'report', 'wrap.ts'))}).displayWidth;`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const cliTable3DebugPreview = {
  name: 'cli-table3-debug-preview',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: cellModule }, (args) => ({ contents: patchCell(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

// commander loads child_process (and with it net and dgram, 2-3 ms) at start-up, for executable
// subcommands, which plan-check has none of: hand it a stand-in that loads the module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /commander/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_target, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// plan-check sets chalk's colour level itself (resolveChalk: --no-color, NO_COLOR, FORCE_COLOR, a
// TTY) and never uses chalk's own detection, which loads tty and os at start-up: chalk's default
// instance gets "no colour" instead.
const noChalkDetection = {
  name: 'no-chalk-detection',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-chalk-detection' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'no-chalk-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

// fdir's ES module build reaches picomatch through createRequire(import.meta.url), loading
// node:module at start-up; its CommonJS build requires it directly.
const fdirCommonJs = {
  name: 'fdir-commonjs',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^fdir$/ }, (args) =>
      args.kind === 'require-call' ? undefined : pluginBuild.resolve('fdir', { kind: 'require-call', resolveDir: args.resolveDir }),
    );
  },
};

// The parse cache's key includes this: a rebuilt plan-check never reads another build's entries.
function buildId() {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(path.join(root, 'src'), { recursive: true }).map((name) => path.join('src', String(name))),
    ...schemaNames.map((name) => path.join('schemas', `${name}.schema.json`)),
    'package-lock.json',
    // how the bundle is made changes what it does
    'bin/build.mjs',
    'bin/patch-cli-table3.mjs',
  ]
    .filter((name) => /\.(ts|json|mjs)$/.test(name))
    .sort();
  for (const name of files)
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(path.join(root, name)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

rmSync(`${root}dist`, { recursive: true, force: true });
// One CommonJS bundle, not ES modules: the shim compiles it with vm.Script so that V8's code
// cache can be kept between runs (src/io/code-cache.ts); commands stay lazy, as esbuild turns their
// dynamic import() into modules initialised on first use. start.cjs is that loader.
await build({
  entryPoints: { cli: `${root}src/cli/main.ts`, start: `${root}src/cli/start.ts` },
  outdir: `${root}dist`,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // bundled ES modules that read import.meta.url (tinyglobby's createRequire) get the bundle's URL
  banner: { js: "var __pcImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { __PLAN_CHECK_BUILD__: JSON.stringify(buildId()), 'import.meta.url': '__pcImportMetaUrl' },
  // libraries only `draft` needs are loaded from node_modules when it runs, not carried in the bundle;
  // exceljs (about 1 MB) likewise: src/io/xlsx-read.ts loads it by dynamic import, only when an .xlsx is read or written
  external: ['opencc-js', 'opencc-js/*', 'pinyin-pro', 'fflate', 'fast-xml-parser', 'exceljs'],
  plugins: [precompiledSchemas, cachedStringWidth, cliTable3DebugPreview, lazyChildProcess, noChalkDetection, fdirCommonJs],
  logLevel: 'warning',
});

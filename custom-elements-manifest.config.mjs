// Custom Elements Manifest for every tag: `npx cem analyze` (run by `npm run build`) writes
// packages/civic-elements/custom-elements.json, which the umbrella's package.json names in its
// `customElements` field. JSDoc @summary @slot @event @csspart @cssproperty on the component
// classes feed it; Lit's decorators are read with the litelement plugin.
import { browserPackages } from './scripts/build-packages.mjs';

const packages = browserPackages();

/**
 * Our components register through core's guarded `define('tag', Class)`, not
 * `customElements.define`, which the analyzer would recognise by itself. This adds the same
 * "custom-element-definition" export, so the analyzer links the class to its tag name.
 */
function civicDefinePlugin() {
  return {
    name: 'civic-define-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg) || !ts.isIdentifier(classArg)) return;
      const className = classArg.text;
      const imported = context.imports?.find((i) => i.name === className);
      let declaration;
      if (!imported) {
        declaration = { name: className, module: moduleDoc.path };
      } else if (imported.isBareModuleSpecifier) {
        declaration = { name: className, package: imported.importPath };
      } else {
        const url = new URL(imported.importPath, `file:///${moduleDoc.path}`);
        declaration = { name: className, module: url.pathname.slice(1).replace(/\.js$/, '.ts') };
      }
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tagArg.text, declaration }];
    },
    moduleLinkPhase({ moduleDoc }) {
      // define() itself calls `customElements.define(tag, ctor)` with variables: not a definition.
      moduleDoc.exports = moduleDoc.exports?.filter(
        (e) => e.kind !== 'custom-element-definition' || /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(e.name),
      );
    },
  };
}

export default {
  globs: packages.map((p) => `packages/${p.folder}/src/**/*.ts`),
  exclude: [
    '**/*.test.ts',
    '**/*.stories.ts',
    '**/*.node.ts',
    '**/testing/**',
    '**/*.d.ts',
    'packages/civic-elements/src/**',
  ],
  outdir: 'packages/civic-elements',
  litelement: true,
  packagejson: false,
  quiet: true,
  plugins: [civicDefinePlugin()],
};

// Lint: typescript-eslint (type-aware where cheap), lit and web-component rules, and this project's
// own guard rails: no HTML from strings, no inline style bindings (strict CSP), widgets never call
// the network themselves and never import another widget.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const WIDGETS = ['appointment-picker', 'status-tracker', 'chat', 'queue-display'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', 'packages/contract/src/generated/**', '.test-results/**', 'coverage/**', '.data/**', '.scratch*/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['packages/*/src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'wc/guard-super-call': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Server text is always rendered as text.' }, { name: 'lit/directives/unsafe-svg.js', message: 'Server text is always rendered as text.' }, { name: 'lit/directives/style-map.js', message: 'styleMap writes style="" (blocked by strict CSP); use classes or CSSOM.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML from strings: render text with Lit.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings.' },
        { selector: "TaggedTemplateExpression[tag.name='html'] TemplateElement[value.raw=/\\sstyle=/]", message: 'No style="" in templates: strict CSP blocks inline styles.' },
        { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No code from strings (CSP).' },
      ],
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  ...WIDGETS.map((widget) => ({
    files: [`packages/${widget}/src/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: "Widgets talk to the API through core's ApiClient." }, { name: 'EventSource', message: "Use core's RealtimeController." }, { name: 'XMLHttpRequest', message: "Widgets talk to the API through core's ApiClient (onUploadProgress for uploads)." }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Server text is always rendered as text.' }, { name: 'lit/directives/style-map.js', message: 'styleMap writes style="" (strict CSP).' }],
          patterns: WIDGETS.filter((w) => w !== widget).map((w) => ({ group: [`@civic-elements/${w}`, `@civic-elements/${w}/*`, `**/${w}/src/**`], message: 'A widget never imports another widget: use events and attributes.' })),
        },
      ],
    },
  })),
  {
    files: ['**/*.test.ts', 'packages/core/src/testing/**', 'packages/mock-api/**', 'packages/simulator/**', 'packages/server/**', 'packages/contract/**', 'scripts/**', 'stories/**'],
    rules: { 'no-console': 'off' },
  },
);

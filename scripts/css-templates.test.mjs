// node --test scripts/css-templates.test.mjs (part of the build step of `npm test`)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCssTemplates, minifyCssText } from './css-templates.mjs';

test('comments, indentation and spaces around { } ; , > and after : go; the newlines follow the rule', () => {
  const css = `
  /* a comment
     over two lines */
  :host(:not([mode='inline'])) .base > a,
  .x :hover {
    padding: var(--a, 1px)
      var(--b);
    inline-size: calc(1lh + 2 * var(--s));
  }
`;
  assert.equal(
    minifyCssText(css),
    ":host(:not([mode='inline'])) .base>a,.x :hover{padding:var(--a,1px) var(--b);inline-size:calc(1lh + 2 * var(--s));}" + '\n'.repeat(9),
  );
});

test('quoted strings stay exactly as written, comment-like text in them too', () => {
  assert.equal(minifyCssText(`a::before { content: ' {  ;  /* x */ } '; }`), `a::before{content:' {  ;  /* x */ } ';}`);
});

test('only css`…` templates change, and their ${…} parts stay', () => {
  const code = 'const s = css`\n  a {\n    color: red;\n  }\n  ${unsafeCSS(x)}\n  b { }\n`;\nconst h = html`<p>  a  </p>`;';
  assert.equal(minifyCssTemplates(code), 'const s = css`a{color:red;}\n\n\n\n${unsafeCSS(x)}b{}\n\n`;\nconst h = html`<p>  a  </p>`;');
  assert.equal(minifyCssTemplates(code).split('\n').length, code.split('\n').length);
});

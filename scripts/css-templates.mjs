// Shrinks the CSS in lit `css` tagged templates for the CDN build: comments go, indentation and
// runs of spaces collapse, spaces around `{ } ; , >` and after `:` go. Quoted strings and `${…}`
// interpolations stay as they are. Each run of CSS becomes one line followed by as many newlines as
// it had, so the code after a template keeps its line numbers and rollup can keep the module's
// source map (`map: null`).

/** The minified text of one run of CSS (no interpolations in it). */
export function minifyCssText(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = end === -1 ? text.slice(i) : text.slice(i, end + 2);
      out += '\n'.repeat(comment.split('\n').length - 1);
      i += comment.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += ch;
    i++;
  }
  // One line; the newlines it had follow it, so the code after the template keeps its lines.
  const lines = out.split('\n');
  return squeeze(lines.join(' ')) + '\n'.repeat(lines.length - 1);
}

/** One line without comments: whitespace collapsed outside quoted strings. */
function squeeze(line) {
  const parts = line.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':'),
    )
    .join('')
    .trim();
}

const CSS_TEMPLATE = /\bcss`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^`}]*\})*)`/g;

/** `code` with every css`…` template's static text minified; `${…}` parts untouched. */
export function minifyCssTemplates(code) {
  return code.replace(CSS_TEMPLATE, (_whole, body) => {
    const pieces = body.split(/(\$\{[^`}]*\})/);
    return `css\`${pieces.map((piece, index) => (index % 2 === 1 ? piece : minifyCssText(piece))).join('')}\``;
  });
}

/** Rollup plugin: minifies the css templates of the workspace's own modules. */
export function cssTemplates({ include }) {
  return {
    name: 'civic-css-templates',
    transform(code, id) {
      if (!include(id) || !code.includes('css`')) return null;
      const out = minifyCssTemplates(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

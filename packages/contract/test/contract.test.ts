// Contract self-checks (node's built-in test runner):
//   node --import tsx --test packages/contract/test/*.test.ts      (or: npm test -w @civic-elements/contract)
// (a) drift: generated types equal a fresh generation
// (b) lint: Redocly reports zero errors and zero warnings
// (c) operation rules: operationId/summary/tags, examples, problem+json errors, Idempotency-Key
// (d) PROBLEM_CODES / PROBLEM_STATUS equal the YAML, and every error response only names codes
//     whose status matches
// (e) every example validates against its schema with Ajv (JSON Schema 2020-12 + formats)
// (f) the proof-of-work test vectors in the documentation are right
// (g) `Email` is `format: idn-email` (RFC 6531 addresses), and Ajv knows every format the documents use
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { generateAll, REGENERATE_COMMAND } from '../scripts/generate.mjs';
import { lintContract } from '../scripts/lint.mjs';
import { PROBLEM_CODES, PROBLEM_STATUS, addIdnEmailFormat, isProblemCode } from '../src/index.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = ['openapi.yaml', 'staff.yaml'] as const;
type File = (typeof FILES)[number];
const docs: Record<File, Json> = {
  'openapi.yaml': parse(readFileSync(join(PACKAGE_DIR, 'openapi.yaml'), 'utf8')),
  'staff.yaml': parse(readFileSync(join(PACKAGE_DIR, 'staff.yaml'), 'utf8')),
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Follows `$ref`s ("#/…" or "./openapi.yaml#/…"); returns the target and the file it lives in. */
function deref(file: File, node: Json): { file: File; node: Json } {
  let guard = 0;
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (guard++ > 20) throw new Error(`ref loop at ${node.$ref}`);
    const [target, pointer = ''] = node.$ref.split('#');
    if (target) file = target.replace(/^\.\//, '') as File;
    let cur = docs[file];
    for (const raw of pointer.split('/').slice(1)) {
      cur = cur?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (cur === undefined) throw new Error(`unresolved ${node.$ref} in ${file}`);
    node = cur;
  }
  return { file, node };
}

interface Param {
  file: File; // the document the parameter object lives in (refs inside resolve against it)
  node: Json;
}
interface Op {
  file: File;
  path: string;
  method: string;
  op: Json;
  params: Json[];
  paramRefs: Param[];
  where: string;
}

function operations(): Op[] {
  const ops: Op[] = [];
  for (const file of FILES) {
    for (const [path, item] of Object.entries<Json>(docs[file].paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const paramRefs = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(file, p));
        const params = paramRefs.map((p) => p.node);
        ops.push({ file, path, method, op, params, paramRefs, where: `${file} ${method.toUpperCase()} ${path}` });
      }
    }
  }
  return ops;
}
const OPS = operations();

function examplesOf(file: File, media: Json): Json[] {
  const out: Json[] = [];
  if (media.example !== undefined) out.push(media.example);
  for (const ex of Object.values<Json>(media.examples ?? {})) out.push(deref(file, ex).node.value);
  return out;
}

describe('contract', () => {
  test('(a) generated types are up to date', async () => {
    for (const r of await generateAll()) {
      let committed = '';
      try {
        committed = readFileSync(r.path, 'utf8');
      } catch {
        /* missing file counts as stale */
      }
      assert.ok(committed === r.content, `packages/contract/${r.out} is out of date. Run: ${REGENERATE_COMMAND}`);
    }
  });

  test('(b) redocly lint: zero errors, zero warnings', () => {
    for (const r of lintContract()) {
      assert.deepEqual(
        { errors: r.errors, warnings: r.warnings },
        { errors: 0, warnings: 0 },
        `${r.file}:\n${r.problems.map((p) => `  ${p.severity} ${p.rule} ${p.where}: ${p.message}`).join('\n')}`,
      );
    }
  });

  describe('(c) every operation', () => {
    test('has operationId, summary and a defined tag', () => {
      const ids = new Set<string>();
      for (const { file, op, where } of OPS) {
        assert.match(op.operationId ?? '', /^[a-z][A-Za-z0-9]+$/, `${where}: camelCase operationId`);
        assert.ok(!ids.has(op.operationId), `${where}: duplicate operationId ${op.operationId}`);
        ids.add(op.operationId);
        assert.ok(op.summary, `${where}: summary`);
        assert.ok(op.tags?.length, `${where}: tags`);
        const defined = new Set((docs[file].tags ?? []).map((t: Json) => t.name));
        for (const t of op.tags) assert.ok(defined.has(t), `${where}: tag ${t} not defined`);
      }
    });

    test('has examples for JSON request bodies and 2xx JSON / event-stream responses', () => {
      for (const { file, op, where } of OPS) {
        if (op.requestBody) {
          const { file: f, node: body } = deref(file, op.requestBody);
          const json = body.content?.['application/json'];
          if (json) assert.ok(examplesOf(f, json).length, `${where}: request example`);
          if (json) assert.equal(deref(f, json.schema).node.additionalProperties, false, `${where}: request body schema must set additionalProperties: false`);
        }
        for (const [status, resRef] of Object.entries<Json>(op.responses)) {
          if (!/^2/.test(status)) continue;
          const { file: f, node: res } = deref(file, resRef);
          for (const type of ['application/json', 'text/event-stream']) {
            const media = res.content?.[type];
            if (media) assert.ok(examplesOf(f, media).length, `${where} ${status} ${type}: example`);
          }
        }
      }
    });

    test('answers errors as application/problem+json', () => {
      for (const { file, op, where } of OPS) {
        const errors = Object.entries<Json>(op.responses).filter(([s]) => /^[45]|default/.test(s));
        assert.ok(errors.some(([s]) => /^4/.test(s)), `${where}: a 4xx response`);
        assert.ok(errors.some(([s]) => s === 'default'), `${where}: a default (5xx) response`);
        for (const [status, resRef] of errors) {
          const types = Object.keys(deref(file, resRef).node.content ?? {});
          assert.deepEqual(types, ['application/problem+json'], `${where} ${status}: problem+json only`);
        }
      }
    });

    test('citizen operations declare 429 with Retry-After, Accept-Language and X-Civic-AGS', () => {
      for (const { file, op, params, where } of OPS.filter((o) => o.file === 'openapi.yaml')) {
        const res = op.responses['429'];
        assert.ok(res, `${where}: 429`);
        assert.ok(deref(file, res).node.headers?.['Retry-After'], `${where}: 429 Retry-After header`);
        const names = params.map((p) => p.name);
        assert.ok(names.includes('Accept-Language') && names.includes('X-Civic-AGS'), `${where}: common headers`);
      }
    });

    test('creating POSTs (201) require Idempotency-Key (or are marked x-civic-idempotency)', () => {
      let creating = 0;
      for (const { file, op, method, params, where } of OPS) {
        const key = params.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
        if (method !== 'post' || !op.responses['201']) {
          assert.ok(!key, `${where}: Idempotency-Key only on creating POSTs`);
          continue;
        }
        creating++;
        if (op['x-civic-idempotency'] !== undefined) {
          assert.equal(op['x-civic-idempotency'], 'clientId', `${where}: x-civic-idempotency`);
          assert.ok(!key, `${where}: either clientId or Idempotency-Key`);
          continue;
        }
        assert.ok(key?.required === true, `${where}: required Idempotency-Key header`);
        const codes = Object.entries<Json>(op.responses).flatMap(([s, r]) => (s === 'default' ? [] : (responseCodes(file, r) ?? [])));
        assert.ok(codes.includes('idempotency_mismatch'), `${where}: documents 422 idempotency_mismatch`);
        assert.ok(codes.includes('idempotency_in_progress'), `${where}: documents 409 idempotency_in_progress`);
      }
      assert.ok(creating >= 10, 'expected the creating POSTs of both documents');
    });
  });

  describe('(d) problem codes', () => {
    const schema = docs['openapi.yaml'].components.schemas.ProblemCode;

    test('PROBLEM_CODES equals the ProblemCode enum', () => {
      assert.deepEqual([...PROBLEM_CODES], schema.enum);
      assert.ok(isProblemCode('slot_taken') && !isProblemCode('nope'));
    });

    test('PROBLEM_STATUS equals x-civic-problem-codes', () => {
      const table = schema['x-civic-problem-codes'];
      assert.deepEqual(Object.keys(table), schema.enum, 'x-civic-problem-codes lists every code, in order');
      for (const code of PROBLEM_CODES) {
        assert.equal(PROBLEM_STATUS[code], table[code].status, code);
        assert.ok(table[code].description, `${code}: description`);
        for (const ext of table[code].extensions ?? []) {
          assert.ok(docs['openapi.yaml'].components.schemas.Problem.properties[ext], `${code}: Problem.${ext}`);
        }
      }
    });

    test('README documents every code with its status', () => {
      const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
      for (const code of PROBLEM_CODES) {
        assert.match(readme, new RegExp(`^\\| \`${code}\` \\| ${PROBLEM_STATUS[code]} \\|`, 'm'), `README row for ${code}`);
      }
    });

    test('error responses name only codes with their own HTTP status', () => {
      for (const { file, op, where } of OPS) {
        for (const [status, resRef] of Object.entries<Json>(op.responses)) {
          if (!/^[45]/.test(status)) continue;
          const codes = responseCodes(file, resRef);
          assert.ok(codes, `${where} ${status}: restricts code`);
          for (const code of codes) {
            assert.ok(isProblemCode(code), `${where} ${status}: unknown code ${code}`);
            assert.equal(PROBLEM_STATUS[code], Number(status), `${where} ${status}: ${code} is sent with ${PROBLEM_STATUS[code]}`);
          }
        }
      }
    });
  });

  test('(e) every example validates against its schema (Ajv, JSON Schema 2020-12)', () => {
    const base = 'https://contract.civic.invalid/';
    const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    const addFormats = addFormatsModule as unknown as (a: typeof ajv) => void;
    addFormats(ajv);
    addIdnEmailFormat(ajv);
    for (const f of FILES) ajv.addSchema(docs[f], base + f);
    const absolutize = (file: File, s: Json): Json => {
      if (Array.isArray(s)) return s.map((x) => absolutize(file, x));
      if (!s || typeof s !== 'object') return s;
      const out: Json = {};
      for (const [k, v] of Object.entries<Json>(s)) {
        out[k] = k === '$ref' && typeof v === 'string' ? base + (v.startsWith('#') ? file : v.split('#')[0]!.replace(/^\.\//, '')) + '#' + v.split('#')[1] : absolutize(file, v);
      }
      return out;
    };
    let checked = 0;
    const check = (file: File, schema: Json, value: Json, where: string) => {
      const validate = ajv.compile(absolutize(file, schema));
      assert.ok(validate(value), `${where}: ${ajv.errorsText(validate.errors)}`);
      checked++;
    };
    for (const f of FILES) {
      for (const [name, s] of Object.entries<Json>(docs[f].components?.schemas ?? {})) {
        for (const ex of s.examples ?? []) check(f, { $ref: `#/components/schemas/${name}` }, ex, `${f} schema ${name}`);
      }
    }
    for (const { file, op, paramRefs, where } of OPS) {
      for (const { file: f, node: p } of paramRefs) if (p.example !== undefined) check(f, p.schema, p.example, `${where} parameter ${p.name}`);
      const media: [string, File, Json][] = [];
      if (op.requestBody) {
        const { file: f, node } = deref(file, op.requestBody);
        for (const [t, m] of Object.entries<Json>(node.content)) media.push([`request ${t}`, f, m]);
      }
      for (const [status, r] of Object.entries<Json>(op.responses)) {
        const { file: f, node } = deref(file, r);
        for (const [t, m] of Object.entries<Json>(node.content ?? {})) media.push([`${status} ${t}`, f, m]);
      }
      for (const [label, f, m] of media) {
        if (!m.schema) continue;
        for (const ex of examplesOf(f, m)) check(f, m.schema, ex, `${where} ${label}`);
      }
    }
    assert.ok(checked > 100, `only ${checked} examples checked`);
  });

  test('(g) Email accepts international addresses (idn-email) and refuses malformed ones; no format is unknown to Ajv', () => {
    const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    (addFormatsModule as unknown as (a: typeof ajv) => void)(ajv);
    addIdnEmailFormat(ajv);
    const email = ajv.compile(docs['openapi.yaml'].components.schemas.Email);
    for (const ok of ['erika@example.org', 'anna@müller-bäckerei.de', 'anna@xn--mller-bckerei-hfb76a.de', 'jörg@example.de']) assert.ok(email(ok), `${ok}: ${ajv.errorsText(email.errors)}`);
    for (const bad of ['not-an-email', 'anna@müller', 'anna @example.org', 'anna@xn--zz.de']) assert.equal(email(bad), false, bad);
    assert.equal(docs['staff.yaml'].components.schemas.Email, undefined, 'staff.yaml reuses the citizen Email schema');
    // A format Ajv does not know is ignored without a word (strict: false): every one must be known.
    const formats = new Set<string>();
    const walk = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (typeof node.format === 'string' && (node.type === 'string' || node.type === undefined)) formats.add(node.format);
        Object.values(node).forEach(walk);
      }
    };
    FILES.forEach((f) => walk(docs[f]));
    assert.ok(formats.has('idn-email'));
    assert.deepEqual([...formats].filter((f) => !(f in ajv.formats)), []);
  });

  test('(f) proof-of-work test vectors from the documentation', () => {
    const leadingZeroBits = (digest: Buffer) => {
      let n = 0;
      for (const byte of digest) {
        if (byte === 0) {
          n += 8;
          continue;
        }
        n += Math.clz32(byte) - 24;
        break;
      }
      return n;
    };
    const solve = (challenge: string, difficulty: number) => {
      for (let nonce = 0; ; nonce++) {
        if (leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`, 'utf8').digest()) >= difficulty) return nonce;
      }
    };
    assert.equal(solve('civic-test-vector', 12), 237);
    assert.equal(solve('civic-test-vector', 1), 1);
    assert.match(docs['openapi.yaml'].info.description, /difficulty 12 → nonce\s+`237`/);
  });
});

/** The problem codes an error response allows (its problem+json schema's `code`). */
function responseCodes(file: File, responseRef: Json): string[] | undefined {
  const { file: f, node } = deref(file, responseRef);
  const media = node.content?.['application/problem+json'];
  return media ? codesOf(f, media.schema) : undefined;
}

/** The problem codes a response schema allows, or undefined when it does not restrict `code`. */
function codesOf(file: File, schemaRef: Json): string[] | undefined {
  const { file: f, node: s } = deref(file, schemaRef);
  if (s.properties?.code?.enum) return s.properties.code.enum;
  if (s.properties?.code?.const) return [s.properties.code.const];
  if (s.allOf) {
    for (const part of s.allOf) {
      const c = codesOf(f, part);
      if (c) return c;
    }
    return undefined;
  }
  const alts = s.oneOf ?? s.anyOf;
  if (alts) {
    const all: string[] = [];
    for (const part of alts) {
      const c = codesOf(f, part);
      if (!c) return undefined;
      all.push(...c);
    }
    return all;
  }
  return undefined;
}

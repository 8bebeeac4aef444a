/**
 * The contract as the conformance suite reads it: every operation of `openapi.yaml` (paths ×
 * methods, path-level and operation-level parameters merged, `$ref`s followed) and an Ajv
 * (JSON Schema 2020-12 + formats) validator for any schema in it. Nothing here knows a particular
 * operation: the suite's list of operations, statuses, media types, headers and problem codes all
 * come from the document.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { addIdnEmailFormat } from '../src/email.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const DEFAULT_DOCUMENT = join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi.yaml');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
const BASE = 'https://conformance.civic.invalid/openapi.yaml';

/** A schema together with the JSON pointer it lives at (refs inside it are document-relative). */
export interface SchemaAt {
  pointer: string;
  schema: Json;
}

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema?: SchemaAt;
  example?: unknown;
}

export interface MediaInfo {
  schema?: SchemaAt;
  /** Example values (from `example`, `examples` with `value`, followed through `$ref`). */
  examples: unknown[];
}

export interface HeaderInfo {
  required: boolean;
  schema?: SchemaAt;
}

export interface ResponseInfo {
  /** `200`, `404`, `default`, … as written in the document. */
  key: string;
  headers: Record<string, HeaderInfo>;
  /** Media type → schema; empty for a response without a body (204). */
  content: Record<string, MediaInfo>;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  parameters: ParameterInfo[];
  requestBody?: { required: boolean; content: Record<string, MediaInfo> };
  responses: Record<string, ResponseInfo>;
  /** Names of the security schemes that protect the operation (bearer tokens); empty = public. */
  security: string[];
  /** `Idempotency-Key` is a required header parameter. */
  idempotencyKey: boolean;
  /** Vendor extensions of the operation (`x-civic-idempotency`, …). */
  extensions: Record<string, unknown>;
}

export interface ResolvedError {
  /** JSON path into the value (`/items/0/name`). */
  path: string;
  message: string;
  /** The JSON Schema keyword that failed. */
  keyword: string;
}

const encode = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const decode = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export class ContractDocument {
  readonly doc: Json;
  readonly operations: OperationInfo[];
  /** Problem code → HTTP status, from `x-civic-problem-codes`. */
  readonly problemStatus: Record<string, number>;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: Json) {
    this.doc = doc;
    this.ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(this.ajv);
    addIdnEmailFormat(this.ajv);
    this.ajv.addSchema(doc, BASE);
    this.operations = this.readOperations();
    const table = doc.components?.schemas?.ProblemCode?.['x-civic-problem-codes'] ?? {};
    this.problemStatus = Object.fromEntries(Object.entries<Json>(table).map(([code, v]) => [code, Number(v.status)]));
  }

  static load(file = DEFAULT_DOCUMENT): ContractDocument {
    return new ContractDocument(parse(readFileSync(file, 'utf8')));
  }

  operation(operationId: string): OperationInfo {
    const op = this.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`operation ${operationId} is not in the document`);
    return op;
  }

  /** The node at a JSON pointer (`#/components/schemas/Id` or `/components/…`). */
  at(pointer: string): Json {
    let cur = this.doc;
    for (const raw of pointer.replace(/^#/, '').split('/').slice(1)) cur = cur?.[decode(decodeURIComponent(raw))];
    if (cur === undefined) throw new Error(`nothing at ${pointer}`);
    return cur;
  }

  /** Follows `$ref`s; returns the node and the pointer it was found at. */
  deref(node: Json, pointer: string): { node: Json; pointer: string } {
    for (let guard = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; guard++) {
      if (guard > 20) throw new Error(`$ref loop at ${pointer}`);
      pointer = node.$ref.replace(/^#/, '');
      node = this.at(pointer);
    }
    return { node, pointer };
  }

  /** A schema with every `$ref` followed at the top (and through `allOf`), for generators. */
  resolveSchema(schema: Json): Json {
    if (!schema || typeof schema !== 'object') return schema;
    const { node } = this.deref(schema, '');
    if (Array.isArray(node.allOf)) {
      const merged: Json = { ...node, allOf: undefined, properties: { ...(node.properties ?? {}) }, required: [...(node.required ?? [])] };
      for (const part of node.allOf) {
        const r = this.resolveSchema(part);
        Object.assign(merged.properties, r.properties ?? {});
        merged.required.push(...(r.required ?? []));
        if (r.type && !merged.type) merged.type = r.type;
        if (r.additionalProperties === false) merged.additionalProperties = false;
      }
      return merged;
    }
    return node;
  }

  /**
   * Validates a value against the schema at `at`; returns readable errors (empty when valid). For
   * a `oneOf` (event unions, alternative problem documents) the errors are those of the branch the
   * value meant — the one whose discriminating constant (`event`, `code`, `kind`) matched — not
   * the noise of every branch.
   */
  validate(at: SchemaAt, value: unknown): ResolvedError[] {
    return this.explain(at.pointer, value, 0);
  }

  private run(pointer: string, value: unknown): ResolvedError[] {
    let fn = this.compiled.get(pointer);
    if (!fn) {
      const ref = pointer
        .split('/')
        .map((p, i) => (i === 0 ? p : encodeURIComponent(p)))
        .join('/');
      fn = this.ajv.compile({ $ref: `${BASE}#${ref}` });
      this.compiled.set(pointer, fn);
    }
    return fn(value) ? [] : summarise(fn.errors ?? []);
  }

  private explain(pointer: string, value: unknown, depth: number): ResolvedError[] {
    const errors = this.run(pointer, value);
    if (!errors.length || depth > 4) return errors;
    const { node, pointer: real } = this.deref(this.at(pointer), pointer);
    if (!Array.isArray(node?.oneOf)) return errors;
    const branches = node.oneOf.map((_: unknown, i: number) => this.explain(`${real}/oneOf/${i}`, value, depth + 1));
    if (branches.some((b: ResolvedError[]) => b.length === 0)) return errors; // matched several branches
    const discriminatorMiss = (b: ResolvedError[]) => b.some((e) => (e.keyword === 'const' || e.keyword === 'enum') && /^\/[^/]+$/.test(e.path));
    const meant = branches.filter((b: ResolvedError[]) => !discriminatorMiss(b));
    const pool: ResolvedError[][] = meant.length ? meant : branches;
    return pool.reduce((best, b) => (b.length < best.length ? b : best));
  }

  private media(content: Json, pointer: string): Record<string, MediaInfo> {
    const out: Record<string, MediaInfo> = {};
    for (const [type, m] of Object.entries<Json>(content ?? {})) {
      const mp = `${pointer}/content/${encode(type)}`;
      const examples: unknown[] = [];
      if (m.example !== undefined) examples.push(m.example);
      for (const [name, ex] of Object.entries<Json>(m.examples ?? {})) {
        const { node } = this.deref(ex, `${mp}/examples/${encode(name)}`);
        if (node && 'value' in node) examples.push(node.value);
      }
      out[type] = { examples, ...(m.schema && { schema: { pointer: `${mp}/schema`, schema: m.schema } }) };
    }
    return out;
  }

  private readOperations(): OperationInfo[] {
    const ops: OperationInfo[] = [];
    const globalSecurity: Json[] = this.doc.security ?? [];
    for (const [path, item] of Object.entries<Json>(this.doc.paths ?? {})) {
      const itemPointer = `/paths/${encode(path)}`;
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const opPointer = `${itemPointer}/${method}`;
        const byKey = new Map<string, ParameterInfo>();
        const addParams = (list: Json[] | undefined, base: string) => {
          (list ?? []).forEach((p, i) => {
            const { node, pointer } = this.deref(p, `${base}/parameters/${i}`);
            const info: ParameterInfo = {
              name: node.name,
              in: node.in,
              required: node.required === true,
              ...(node.schema && { schema: { pointer: `${pointer}/schema`, schema: node.schema } }),
              ...(node.example !== undefined && { example: node.example }),
            };
            byKey.set(`${node.in}:${String(node.name).toLowerCase()}`, info);
          });
        };
        addParams(item.parameters, itemPointer);
        addParams(op.parameters, opPointer);
        const parameters = [...byKey.values()];

        let requestBody: OperationInfo['requestBody'];
        if (op.requestBody) {
          const { node, pointer } = this.deref(op.requestBody, `${opPointer}/requestBody`);
          requestBody = { required: node.required === true, content: this.media(node.content, pointer) };
        }

        const responses: Record<string, ResponseInfo> = {};
        for (const [key, r] of Object.entries<Json>(op.responses ?? {})) {
          const { node, pointer } = this.deref(r, `${opPointer}/responses/${encode(key)}`);
          const headers: Record<string, HeaderInfo> = {};
          for (const [name, h] of Object.entries<Json>(node.headers ?? {})) {
            const hd = this.deref(h, `${pointer}/headers/${encode(name)}`);
            headers[name] = { required: hd.node.required === true, ...(hd.node.schema && { schema: { pointer: `${hd.pointer}/schema`, schema: hd.node.schema } }) };
          }
          responses[key] = { key, headers, content: this.media(node.content, pointer) };
        }

        const security: string[] = [];
        for (const requirement of (op.security ?? globalSecurity) as Json[]) security.push(...Object.keys(requirement));
        const extensions = Object.fromEntries(Object.entries<Json>(op).filter(([k]) => k.startsWith('x-')));

        ops.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          parameters,
          ...(requestBody && { requestBody }),
          responses,
          security,
          idempotencyKey: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key' && p.required),
          extensions,
        });
      }
    }
    return ops;
  }
}

/** Ajv errors as `path: message`, one per violation, without the noise of `oneOf` branches. */
function summarise(errors: ErrorObject[]): ResolvedError[] {
  const out: ResolvedError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') message = `must have required property '${(e.params as { missingProperty: string }).missingProperty}'`;
    else if (e.keyword === 'const') message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    else if (e.keyword === 'enum') message = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`;
    const path = e.instancePath || '/';
    const line = `${path}: ${message}`;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push({ path, message, keyword: e.keyword });
  }
  return out;
}

export function formatErrors(errors: ResolvedError[], max = 4): string {
  const shown = errors.slice(0, max).map((e) => `${e.path} ${e.message}`);
  return shown.join('; ') + (errors.length > max ? ` (+${errors.length - max} more)` : '');
}

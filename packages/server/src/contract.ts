/**
 * The contract as the server enforces it: every operation of `openapi.yaml` (citizen) and
 * `staff.yaml` (staff), with Ajv validators (JSON Schema 2020-12 + formats) compiled once for
 * its parameters and request body. Request bodies are closed by the schemas themselves. Formats:
 * ajv-formats' plus the contract's `idn-email` (`Email`: RFC 6531 addresses such as
 * `anna@müller-bäckerei.de`, checked by the contract package's `isIdnEmail`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { addIdnEmailFormat } from '@civic-elements/contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const CONTRACT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'contract');
const BASE = 'https://contract.civic.invalid/';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export type Where = 'body' | 'query' | 'path' | 'header';

export interface FieldError {
  in: Where;
  pointer?: string;
  parameter?: string;
  detail: string;
}

/** A validator compiled on first use (startup stays fast; each operation compiles once). */
export interface Validator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** The JSON type the schema asks for (query and path values arrive as strings). */
  type?: string;
  validate?: Validator;
}

export interface OperationSpec {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  document: 'citizen' | 'staff';
  parameters: ParameterSpec[];
  body?: { required: boolean; json: boolean; validate?: Validator; mediaTypes: string[] };
  /** Security scheme names (`manageToken`, `staffKey`, …); empty = public. */
  security: string[];
  extensions: Record<string, unknown>;
}

export class Contract {
  readonly operations: OperationSpec[] = [];
  private readonly docs: Record<string, Json> = {};
  private readonly ajv: Ajv2020;

  constructor(files: { citizen: string; staff: string } = { citizen: join(CONTRACT_DIR, 'openapi.yaml'), staff: join(CONTRACT_DIR, 'staff.yaml') }) {
    this.ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(this.ajv);
    addIdnEmailFormat(this.ajv);
    for (const [name, file] of [['openapi.yaml', files.citizen], ['staff.yaml', files.staff]] as const) {
      this.docs[name] = parse(readFileSync(file, 'utf8'));
      this.ajv.addSchema(this.docs[name], BASE + name);
    }
    this.read('openapi.yaml', 'citizen');
    this.read('staff.yaml', 'staff');
  }

  operation(operationId: string): OperationSpec {
    const op = this.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`no operation ${operationId}`);
    return op;
  }

  /** Problem code → HTTP status, from the `ProblemCode` table. */
  problemStatus(): Record<string, number> {
    const table = this.docs['openapi.yaml'].components?.schemas?.ProblemCode?.['x-civic-problem-codes'] ?? {};
    return Object.fromEntries(Object.entries<Json>(table).map(([code, v]) => [code, Number(v.status)]));
  }

  /** Follows `$ref`s (also into the other document); returns the node, its document and pointer. */
  private deref(doc: string, node: Json, pointer: string): { doc: string; node: Json; pointer: string } {
    for (let guard = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; guard++) {
      if (guard > 20) throw new Error(`$ref loop at ${doc}${pointer}`);
      const [file, frag = ''] = String(node.$ref).split('#');
      if (file) doc = file.replace(/^\.\//, '');
      pointer = frag;
      node = this.at(doc, pointer);
    }
    return { doc, node, pointer };
  }

  private at(doc: string, pointer: string): Json {
    let cur = this.docs[doc];
    for (const raw of pointer.split('/').slice(1)) cur = cur?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (cur === undefined) throw new Error(`nothing at ${doc}#${pointer}`);
    return cur;
  }

  private compile(doc: string, pointer: string): Validator {
    const ref = pointer
      .split('/')
      .map((p, i) => (i === 0 ? p : encodeURIComponent(p)))
      .join('/');
    let fn: ValidateFunction | undefined;
    const validate: Validator = (value) => {
      fn ??= this.ajv.compile({ $ref: `${BASE}${doc}#${ref}` });
      const ok = fn(value) as boolean;
      validate.errors = fn.errors;
      return ok;
    };
    return validate;
  }

  private typeOf(doc: string, schema: Json, pointer: string): string | undefined {
    const { node, doc: d, pointer: p } = this.deref(doc, schema, pointer);
    if (typeof node?.type === 'string') return node.type;
    for (const k of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (Array.isArray(node?.[k])) {
        for (let i = 0; i < node[k].length; i++) {
          const t = this.typeOf(d, node[k][i], `${p}/${k}/${i}`);
          if (t) return t;
        }
      }
    }
    return undefined;
  }

  private read(doc: string, document: 'citizen' | 'staff'): void {
    const root = this.docs[doc];
    const enc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    for (const [path, item] of Object.entries<Json>(root.paths ?? {})) {
      const itemPointer = `/paths/${enc(path)}`;
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const opPointer = `${itemPointer}/${method}`;
        const params = new Map<string, ParameterSpec>();
        const add = (list: Json[] | undefined, base: string) =>
          (list ?? []).forEach((p, i) => {
            const r = this.deref(doc, p, `${base}/parameters/${i}`);
            if (r.node.in === 'cookie') return;
            params.set(`${r.node.in}:${String(r.node.name).toLowerCase()}`, {
              name: r.node.name,
              in: r.node.in,
              required: r.node.required === true,
              ...(r.node.schema && { type: this.typeOf(r.doc, r.node.schema, `${r.pointer}/schema`), validate: this.compile(r.doc, `${r.pointer}/schema`) }),
            });
          });
        add(item.parameters, itemPointer);
        add(op.parameters, opPointer);
        let body: OperationSpec['body'];
        if (op.requestBody) {
          const r = this.deref(doc, op.requestBody, `${opPointer}/requestBody`);
          const types = Object.keys(r.node.content ?? {});
          const jsonType = types.find((t) => /json/.test(t));
          body = {
            required: r.node.required === true,
            json: jsonType !== undefined,
            mediaTypes: types,
            ...(jsonType && r.node.content[jsonType].schema && { validate: this.compile(r.doc, `${r.pointer}/content/${enc(jsonType)}/schema`) }),
          };
        }
        const security: string[] = [];
        for (const req of (op.security ?? root.security ?? []) as Json[]) security.push(...Object.keys(req));
        this.operations.push({
          operationId: op.operationId,
          method: method.toUpperCase() as OperationSpec['method'],
          path,
          document,
          parameters: [...params.values()],
          ...(body && { body }),
          security,
          extensions: Object.fromEntries(Object.entries<Json>(op).filter(([k]) => k.startsWith('x-'))),
        });
      }
    }
  }
}

/** Converts a query/path/header string to the type its schema asks for (unchanged when it does not parse). */
export function coerce(value: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Ajv errors as the contract's `ValidationError`s (one per violation, deduplicated). */
export function fieldErrors(errors: ErrorObject[] | null | undefined, where: Where, parameter?: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    let detail = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      pointer = `${pointer}/${missing}`;
      detail = 'is required';
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const extra = (e.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ?? (e.params as { unevaluatedProperty?: string }).unevaluatedProperty;
      pointer = `${pointer}/${extra}`;
      detail = 'is not allowed';
    } else if (e.keyword === 'enum') {
      detail = `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    } else if (e.keyword === 'const') {
      detail = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    }
    const item: FieldError = where === 'body' ? { in: 'body', pointer, detail: detail.slice(0, 500) } : { in: where, parameter: parameter ?? '', detail: detail.slice(0, 500) };
    const line = `${item.pointer ?? item.parameter}:${detail}`;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(item);
    if (out.length >= 20) break;
  }
  return out;
}

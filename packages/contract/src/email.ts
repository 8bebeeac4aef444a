/**
 * The contract's `idn-email` format (schema `Email`): e-mail addresses with international domains
 * and local parts (RFC 6531), as every back end, the mock and the conformance suite check them.
 * JSON Schema names the format `idn-email`, but validators do not agree on it (Ajv and
 * ajv-formats have none), so the rule is spelled out in openapi.yaml and implemented here once:
 *
 * - exactly one `@`; the local part is a dot-atom (no quoted strings) of 1–64 UTF-8 octets: ASCII
 *   `atext` and any non-ASCII character except spaces, controls, format characters (bidi
 *   controls, zero-width characters), surrogates and private-use characters;
 * - the domain has at least two labels; each is an LDH label (ASCII letters, digits, hyphens; an
 *   `xn--` label must be the canonical Punycode of a U-label) or a U-label (letters, marks, digits,
 *   hyphens); no label starts or ends with a hyphen or has `--` in positions 3–4 unless it is an
 *   `xn--` label; in A-label form (IDNA as the WHATWG URL standard does it: UTS #46,
 *   non-transitional) each label has at most 63 octets and the domain at most 253; the top-level
 *   domain is alphabetic or an `xn--` label (no IP addresses, no trailing dot);
 * - the whole address has at most 254 UTF-8 octets, also with its domain in A-label form.
 *
 * Browser-safe (uses only `URL` and `TextEncoder`).
 */

/** The format's name in the contract (`format: idn-email`). */
export const IDN_EMAIL_FORMAT = 'idn-email';

/**
 * Octet limits of RFC 5321 (4.5.3.1), counted in UTF-8 for internationalised addresses. The
 * domain's 253 follows from the address's 254 (with at least one octet before the `@`).
 */
export const EMAIL_LIMITS = { localPart: 64, label: 63, domain: 253, address: 254 } as const;

/** ASCII `atext` (RFC 5322) and every non-ASCII character, as dot-separated atoms. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10FFFF}-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10FFFF}-]+)*$/u;
/** Spaces, controls (C0, C1), format characters (bidi, zero-width), surrogates, private use. */
const FORBIDDEN = /[\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;
/** Characters a label may have before IDNA: letters, marks, digits (any script) and hyphens. */
const LABEL_CHARS = /^[\p{L}\p{M}\p{N}-]+$/u;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Whether `value` is a valid address in the contract's `idn-email` format, e.g.
 * `anna@müller-bäckerei.de`, `anna@xn--mller-bckerei-hfb76a.de`, `jörg@example.de`.
 */
export function isIdnEmail(value: unknown): boolean {
  return typeof value === 'string' && asciiDomainForm(value) !== undefined;
}

/**
 * The address with its domain in A-label form (`anna@xn--mller-bckerei-hfb76a.de`, lower case),
 * the local part as it is; undefined when `value` is not a valid `idn-email`.
 */
export function asciiDomainForm(value: string): string | undefined {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return undefined;
  const local = value.slice(0, at);
  if (!DOT_ATOM.test(local) || FORBIDDEN.test(local) || utf8Length(local) > EMAIL_LIMITS.localPart) return undefined;
  const domain = domainToAscii(value.slice(at + 1));
  if (domain === undefined) return undefined;
  const ascii = `${local}@${domain}`;
  if (utf8Length(value) > EMAIL_LIMITS.address || utf8Length(ascii) > EMAIL_LIMITS.address) return undefined;
  return ascii;
}

/**
 * One key per mailbox, for limits per address (bookings per e-mail address): the same for
 * `Anna@Müller.de` and `anna@xn--mller-kva.de`. Local part in NFC and lower case (as back ends
 * compared ASCII addresses so far), domain in A-label form. Undefined for an invalid address.
 */
export function emailKey(value: string): string | undefined {
  const ascii = asciiDomainForm(value.trim());
  if (ascii === undefined) return undefined;
  const at = ascii.indexOf('@');
  return `${ascii.slice(0, at).normalize('NFC').toLowerCase()}@${ascii.slice(at + 1)}`;
}

/**
 * Teaches a JSON Schema validator (Ajv) the contract's `idn-email` format: ajv-formats has none,
 * and an unknown format would be ignored (strict: false) or refused (strict).
 */
export function addIdnEmailFormat(ajv: { addFormat(name: string, format: { type: 'string'; validate: (value: string) => boolean }): unknown }): void {
  ajv.addFormat(IDN_EMAIL_FORMAT, { type: 'string', validate: isIdnEmail });
}

/** The domain in A-label form (lower case), or undefined when it is not a valid domain for `idn-email`. */
function domainToAscii(domain: string): string | undefined {
  const labels = domain.split('.');
  if (labels.length < 2) return undefined;
  for (const label of labels) {
    if (!LABEL_CHARS.test(label) || label.startsWith('-') || label.endsWith('-')) return undefined;
    if (/^xn--/i.test(label) ? !isCanonicalALabel(label.toLowerCase()) : label.slice(2, 4) === '--') return undefined;
  }
  const ascii = hostToAscii(domain);
  if (ascii === undefined) return undefined;
  const out = ascii.split('.');
  if (!out.every((label) => LDH_LABEL.test(label))) return undefined;
  return TLD.test(out[out.length - 1]!) ? ascii : undefined;
}

/** IDNA ToASCII of a host as the WHATWG URL standard does it (UTS #46, non-transitional). */
function hostToAscii(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/** An `xn--` label is valid Punycode of a U-label whose A-label (by IDNA) is that same label. */
function isCanonicalALabel(label: string): boolean {
  const unicode = punycodeDecode(label.slice(4));
  if (unicode === undefined || !LABEL_CHARS.test(unicode)) return false;
  return hostToAscii(`${unicode}.invalid`) === `${label}.invalid`;
}

// RFC 3492 (Punycode) decoding; the URL standard's host parser does the encoding.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 → 26-35
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z → 0-25
  return BASE;
}

/** Decodes a Punycode string (without `xn--`); undefined when it is not valid Punycode. */
export function punycodeDecode(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    output.push(c);
  }
  let n = 0x80;
  let bias = 72;
  let i = 0;
  for (let pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.length; ) {
    const before = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return undefined;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    if (Math.floor(i / length) > MAX_INT - n) return undefined;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return undefined;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

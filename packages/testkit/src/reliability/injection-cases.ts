/** A hostile value for one field of a reference, and whether core must reject it outright. */
export interface InjectionCase {
  field: 'path' | 'key' | 'version';
  value: string | number;
  /** Rejected while planning by every provider: core's reference rules forbid it. */
  alwaysRejected: boolean;
  label: string;
}

function cases(
  field: InjectionCase['field'],
  alwaysRejected: boolean,
  values: Record<string, string | number>,
): InjectionCase[] {
  return Object.entries(values).map(([label, value]) => ({ field, value, alwaysRejected, label }));
}

/** Traversal and injection attempts in `path`, `key` and `version`. */
export const INJECTION_CASES: readonly InjectionCase[] = [
  ...cases('path', true, {
    'dot-dot segments': 'crow/../../sys/policy',
    'a lone ..': '..',
    'a dot segment': 'crow/./app',
    'percent-encoded dots': '%2e%2e/sys/policy',
    'an encoded slash': 'crow%2Fapp',
    'a doubly encoded dot': 'crow/%252e%252e/sys',
    'a query': 'crow/app?list=true',
    'a fragment': 'crow/app#x',
    backslashes: 'crow\\..\\sys\\policy',
    'a newline and a header': 'crow/app\nX-Vault-Token: x',
    'CR LF': 'crow/app\r\nHost: elsewhere',
    'a NUL': 'crow/app\u0000',
    'a leading slash': '/sys/policy',
    'an empty segment': 'crow//app',
    'surrounding space': ' crow/app',
  }),
  ...cases('path', false, {
    'fullwidth dots': 'crow/\uFF0E\uFF0E/sys',
    'one-dot leaders': 'crow/\u2024\u2024/sys',
    'a two-dot leader': 'crow/\u2025/sys',
    'a division slash': 'crow\u2215..\u2215sys',
    'a fullwidth solidus': 'crow\uFF0F..\uFF0Fsys',
    'a fullwidth reverse solidus': 'crow\uFF3C..',
    'a right-to-left override': 'crow/app\u202Esys',
    'a zero-width space': 'crow/\u200Bapp',
    'fullwidth letters': '\uFF53\uFF59\uFF53/policy',
    'sys as a name inside the mount': 'sys/policy',
  }),
  ...cases('key', true, {
    'a newline': 'api_key\nx',
    'surrounding space': ' api_key',
  }),
  ...cases('key', false, {
    'dot-dot': '../api_key',
    'percent-encoded dots': '%2e%2e',
    'a query': 'value?x=1',
    'a fragment': 'value#',
    ['__proto__']: '__proto__',
    'fullwidth letters': '\uFF56\uFF41\uFF4C\uFF55\uFF45',
  }),
  ...cases('version', true, {
    'a newline': '1\n',
    'a negative number': -1,
    'a fraction': 1.5,
  }),
  ...cases('version', false, {
    'dot-dot': '../1',
    'a query': '1?x=y',
    'a fragment': '1#x',
    'a slash and dots': '00000000000000000000000000000000/../../keys/k',
    'percent-encoded dots': '%2e%2e',
    'a fullwidth digit': '\uFF11',
    'hexadecimal text': '0x10',
    'a huge number': 2 ** 53,
  }),
];

/**
 * Lower-cases ASCII letters and nothing else. Names are compared with it instead of
 * `toLowerCase()` or Unicode normalisation, which map look-alikes onto ASCII (`K`, the
 * Kelvin sign, lower-cases to `k`; NFKC turns `ｆｏｏ` into `foo`): an attacker who can pick
 * a user or org name must not be able to spell an allowlisted one.
 */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}

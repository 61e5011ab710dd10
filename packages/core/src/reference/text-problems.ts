const CONTROL_CHARACTER = /\p{Cc}/u;
// Almost every real name passes this at once; only the rest pay for the checks one by one.
const PLAINLY_VALID = /^[A-Za-z0-9_.-]+$/;
const NO_PROBLEMS: readonly string[] = Object.freeze([]);
// With the `u` flag a paired surrogate is one code point, so this matches only a lone one.
const LONE_SURROGATE = /\p{Cs}/u;
// Bidirectional overrides and isolates, zero-width characters and the BOM: invisible, they can
// make a path display as another one in a log or a review ("Trojan Source").
const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/**
 * The problems of a text field of a reference (`path`, `key`, `version`, an integration or
 * internal secret name): empty, leading or trailing whitespace, control characters,
 * invisible formatting characters (bidirectional overrides, zero-width), broken Unicode.
 * Each problem says how to fix it; none quotes the text, which may be a secret pasted in the
 * wrong place.
 */
export function textProblems(field: string, text: string): readonly string[] {
  if (PLAINLY_VALID.test(text)) return NO_PROBLEMS;
  if (text.length === 0) return [`${field} is empty; give a value or remove the field`];
  const problems: string[] = [];
  if (text.trim() !== text) {
    problems.push(`${field} has leading or trailing whitespace; remove it (a copy-paste slip?)`);
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control !== null) {
    problems.push(
      `${field} contains a control character (${codePoint(control[0])}) at position ${
        control.index + 1
      }; remove it`,
    );
  }
  const invisible = INVISIBLE_FORMATTING.exec(text);
  if (invisible !== null) {
    problems.push(
      `${field} contains an invisible formatting character (${codePoint(invisible[0])}) at position ${
        invisible.index + 1
      }; remove it: it can make the text display as something else`,
    );
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate !== null) {
    problems.push(
      `${field} contains a broken Unicode character (a lone surrogate, ${codePoint(
        surrogate[0],
      )}) at position ${surrogate.index + 1}; remove it`,
    );
  }
  return problems;
}

/** `U+000A` for a newline: names an invisible character without printing it. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

import { SecretError } from '@fromsecret/core';
import { expect } from 'vitest';

/** A recognisable secret value for one purpose: it must never appear where it should not. */
export function canaryValue(label: string): string {
  return `CANARY-VALUE-${label}-7f3a`;
}

/**
 * Every text form of an error a host could show or store: message, stack, `toJSON()`,
 * `issues`, the nested `errors` of an aggregate, and `String()` of each cause in the chain.
 */
export function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 6) return [];
  if (typeof error !== 'object' || error === null) return [String(error)];
  const texts = [String(error), String((error as Error).stack)];
  if (SecretError.isInstance(error)) {
    texts.push(JSON.stringify(error.toJSON()), ...(error.issues ?? []));
    for (const nested of error.errors ?? []) texts.push(...errorTexts(nested, depth + 1));
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) texts.push(...errorTexts(cause, depth + 1));
  return texts;
}

/**
 * Asserts that none of `secrets` appears in any of `texts`. A failure says which text and
 * which secret by position only, so that the test report does not repeat the leak.
 */
export function expectNoSecretIn(
  texts: readonly string[],
  secrets: readonly string[],
  where: string,
): void {
  secrets.forEach((secret, secretIndex) => {
    const textIndex = texts.findIndex((text) => text.includes(secret));
    expect(
      textIndex === -1,
      `${where} must not contain a secret, but text #${textIndex} holds secret #${secretIndex}`,
    ).toBe(true);
  });
}

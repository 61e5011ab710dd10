import { providerPackageProblem } from '../registry/provider-packages';
import { isMapValue } from './check-keys';
import { escapePointerSegment, type PointerProblem, pointerProblem } from './pointer-problem';

const CODE = 'INVALID_INTEGRATIONS_FILE';

/**
 * Checks the integrations file's `providers` map (provider type to the npm package that
 * provides it, for packages not named `fromsecret-provider-<type>`), adding every problem to
 * `problems`, and returns its well-formed entries. Left out, it maps nothing.
 */
export function parseProviderPackages(
  value: unknown,
  problems: PointerProblem[],
): Map<string, string> {
  const packages = new Map<string, string>();
  if (value === undefined) return packages;
  if (!isMapValue(value)) {
    const message =
      '"providers" must be a map of provider type to package name, for example { acme_store: "@acme/fromsecret-store" }.';
    problems.push(pointerProblem('/providers', CODE, message));
    return packages;
  }
  for (const [type, name] of Object.entries(value)) {
    const problem = providerPackageProblem(type, name);
    if (problem === undefined) {
      packages.set(type, name as string);
      continue;
    }
    const pointer = `/providers/${escapePointerSegment(type)}`;
    problems.push({
      ...pointerProblem(pointer, CODE, `In "providers": ${problem.message}.`),
      target: problem.about === 'type' ? 'key' : 'value',
    });
  }
  return packages;
}

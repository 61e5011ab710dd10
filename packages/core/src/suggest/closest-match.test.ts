import { describe, expect, it } from 'vitest';
import { closestMatch } from './closest-match';

describe('closestMatch', () => {
  const fields = ['integration', 'path', 'key', 'version'];

  it('suggests the nearest name for a typo', () => {
    expect(closestMatch('intergration', fields)).toBe('integration');
    expect(closestMatch('verison', fields)).toBe('version');
    expect(closestMatch('Path', fields)).toBe('path');
  });

  it('suggests nothing when no name is near', () => {
    expect(closestMatch('description', fields)).toBeUndefined();
    expect(closestMatch('x'.repeat(500), fields)).toBeUndefined();
  });
});

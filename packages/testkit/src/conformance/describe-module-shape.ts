import { type ConfigField, secretSettingValues } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceOptions } from './conformance-harness';

const fieldKinds = ['string', 'url', 'boolean', 'integer', 'pem', 'select'];

/** The provider's module and definition have the shape the registry and forms rely on. */
export function describeModuleShape<Config>(options: ConformanceOptions<Config>): void {
  describe('module shape', () => {
    if (options.module !== undefined) {
      const module = options.module;
      it('exports the definition as the named export `provider`', () => {
        expect(module.provider, 'the module must export `provider`').toBe(options.provider);
      });
    }

    it('declares specificationVersion v1, a type identifier and a display name', () => {
      const { provider } = options;
      expect(provider.specificationVersion).toBe('v1');
      expect(provider.type).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(typeof provider.displayName).toBe('string');
      expect(provider.displayName.trim().length).toBeGreaterThan(0);
      expect(typeof provider.parseConfig).toBe('function');
      expect(typeof provider.create).toBe('function');
    });

    it('describes every setting completely and once', () => {
      const { fields } = options.provider;
      expect(Array.isArray(fields)).toBe(true);
      const names = fields.map((field) => field.name);
      expect(new Set(names).size, 'field names must be unique').toBe(names.length);
      for (const field of fields) expectWellFormed(field);
    });

    it('marks every credential of a working config as a secret field', async () => {
      const store = await options.setup({ secrets: [] });
      try {
        const secretValues = secretSettingValues(options.provider.fields, store.config);
        expect(store.credentials.length, 'the harness must list its credentials').toBeGreaterThan(
          0,
        );
        for (const credential of store.credentials) {
          expect(secretValues, 'a credential sits in a setting not marked secret: true').toContain(
            credential,
          );
        }
      } finally {
        await store.close();
      }
    });
  });
}

function expectWellFormed(field: ConfigField): void {
  const where = `field "${String(field.name)}"`;
  expect(field.name, where).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  expect(typeof field.label, `${where}: label`).toBe('string');
  expect(field.label.trim().length, `${where}: label`).toBeGreaterThan(0);
  expect(typeof field.required, `${where}: required`).toBe('boolean');
  expect(typeof field.secret, `${where}: secret`).toBe('boolean');
  expect(fieldKinds, `${where}: kind`).toContain(field.kind);
  if (field.kind === 'select') {
    expect(field.options?.length ?? 0, `${where}: a select needs options`).toBeGreaterThan(0);
  }
  if (field.required) {
    expect(field.default, `${where}: a required field has no default`).toBeUndefined();
  }
  if (field.secret) {
    expect(field.default, `${where}: a secret field has no default`).toBeUndefined();
  }
}

export { BUILT_IN_PROVIDER_PACKAGES } from './built-in-provider-packages';
export {
  createProviderRegistry,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from './create-provider-registry';
export type { ImportModule } from './import-provider-module';
export { isProviderType, PROVIDER_TYPE_PATTERN } from './provider-type';

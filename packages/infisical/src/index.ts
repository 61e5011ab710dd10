// The public API of @fromsecret/infisical.
export {
  DEFAULT_SITE_URL,
  type InfisicalConfig,
  type InfisicalConfigInput,
} from './infisical-config';
export { createInfisicalProvider, provider } from './provider';

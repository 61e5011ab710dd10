export { invalidConfigError } from './invalid-config-error';
export { type ConfigFieldsResult, parseConfigFields } from './parse-config-fields';
export { redactConfig, secretSettingValues } from './secret-setting-values';

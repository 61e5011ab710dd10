// The public API of fromsecret-provider-encrypted-file. The registry needs only `provider`.
export {
  ENCRYPTED_FILE_TYPE,
  type EncryptedFileConfig,
  type EncryptedFileConfigInput,
} from './encrypted-file-config';
export { FILE_KEY_BYTES, fileKeyId, generateFileKey } from './file-key';
export { createEncryptedFileProvider, provider } from './provider';
export {
  type SealSecretFileOptions,
  type SecretToSeal,
  sealSecretFile,
} from './seal-secret-file';
export {
  SEALED_SECRETS_FORMAT,
  type SealedSecret,
  type SealedSecretsFile,
  type SealedVersion,
} from './sealed-secrets-file';

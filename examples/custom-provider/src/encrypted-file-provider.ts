import {
  type CallOptions,
  invalidConfigError,
  type ProviderContext,
  type ProviderReference,
  type ReadRequest,
  type SecretData,
  SecretError,
  type SecretProvider,
} from '@fromsecret/core';
import { checkFileKey } from './check-file-key';
import { ENCRYPTED_FILE_TYPE, type EncryptedFileConfig } from './encrypted-file-config';
import { validateEncryptedFileReference, versionNumber } from './encrypted-file-reference';
import { fileKeyId, readFileKey } from './file-key';
import { findSealedVersion } from './find-sealed-version';
import { openSealedVersion } from './open-sealed-version';
import { readSecretsFile } from './read-secrets-file';
import { parseSealedSecretsFile, type SealedSecretsFile } from './sealed-secrets-file';

/**
 * The provider for one `encrypted_file` integration. Every call reads the file afresh (the
 * design keeps no value cache, and an operator may reseal the file at any time); the key is
 * decoded once, here, without I/O.
 */
export class EncryptedFileProvider implements SecretProvider {
  private readonly key: Buffer;
  private readonly keyId: string;
  private closed = false;

  constructor(
    private readonly config: EncryptedFileConfig,
    private readonly context: ProviderContext,
  ) {
    const reading = readFileKey(config.key);
    if (reading.problem !== undefined) {
      throw invalidConfigError(ENCRYPTED_FILE_TYPE, [`"key" ${reading.problem}`]);
    }
    this.key = reading.key;
    this.keyId = fileKeyId(reading.key);
  }

  /** Any key may be asked for; a version must be a whole number. */
  validateReference(reference: ProviderReference): void {
    validateEncryptedFileReference(reference);
  }

  /** Reads the file and checks that it is sealed for the key; opens no secret. */
  async testConnection(options: CallOptions): Promise<void> {
    const sealed = await this.openFile(options.signal);
    this.context.logger.debug('The sealed secrets file is readable with the integration key', {
      file: this.config.file,
      secrets: Object.keys(sealed.secrets).length,
    });
  }

  /** Every key of one version at `request.path`, opened with the integration's key. */
  async read(request: ReadRequest, options: CallOptions): Promise<SecretData> {
    const asked = versionNumber(request.version);
    const sealed = await this.openFile(options.signal);
    const { file } = this.config;
    const found = findSealedVersion(sealed, {
      file,
      path: request.path,
      version: asked,
      keyId: this.keyId,
    });
    const values = openSealedVersion(this.key, found.sealed, {
      file,
      path: request.path,
      version: found.version,
    });
    this.context.logger.debug('Read a sealed secret', {
      file,
      path: request.path,
      version: found.version,
    });
    return { values, version: String(found.version) };
  }

  /** Forgets the key (overwrites its bytes). Idempotent; nothing else is held open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.key.fill(0);
  }

  private async openFile(signal: AbortSignal): Promise<SealedSecretsFile> {
    if (this.closed) {
      throw new SecretError({
        code: 'CANCELLED',
        message: `This ${ENCRYPTED_FILE_TYPE} provider for ${this.config.file} was closed; create a new one to read from the file again.`,
      });
    }
    const text = await readSecretsFile(this.config.file, signal);
    const sealed = parseSealedSecretsFile(text, this.config.file);
    checkFileKey(sealed, this.keyId, this.config.file);
    return sealed;
  }
}

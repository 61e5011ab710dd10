import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A CA and a server certificate signed by it, all PEM. */
export interface TestCertificates {
  /** The CA certificate: what a client must trust (a provider's `caCert`). */
  caCert: string;
  /** The server's certificate, signed by the CA. */
  cert: string;
  /** The server's private key. */
  key: string;
}

/** Options of {@link generateTestCertificates}. */
export interface TestCertificateOptions {
  /**
   * Names the server certificate is valid for (DNS names or IP addresses).
   * @default ['127.0.0.1', 'localhost']
   */
  hosts?: readonly string[];
}

const cache = new Map<string, TestCertificates>();

/**
 * Generates a throwaway CA and a server certificate for loopback emulators. Keys come from
 * `node:crypto` (fast, native); node-forge only assembles and signs the certificates.
 * Results are cached per host list for the life of the process.
 */
export function generateTestCertificates(options: TestCertificateOptions = {}): TestCertificates {
  const hosts = options.hosts ?? ['127.0.0.1', 'localhost'];
  const cacheKey = hosts.join(',');
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const caKeys = newKeyPair();
  const caCert = buildCertificate({
    subject: 'fromsecret test CA',
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const serverKeys = newKeyPair();
  const cert = buildCertificate({
    subject: hosts[0] ?? 'localhost',
    issuer: caCert,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((host) =>
          /^[\d.]+$/.test(host) || host.includes(':')
            ? { type: 7, ip: host }
            : { type: 2, value: host },
        ),
      },
    ],
  });
  const certificates = {
    caCert: forge.pki.certificateToPem(caCert),
    cert: forge.pki.certificateToPem(cert),
    key: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
  cache.set(cacheKey, certificates);
  return certificates;
}

interface ForgeKeyPair {
  publicKey: forge.pki.PublicKey;
  privateKey: forge.pki.PrivateKey;
}

function newKeyPair(): ForgeKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey),
    privateKey: forge.pki.privateKeyFromPem(privateKey),
  };
}

function buildCertificate(options: {
  subject: string;
  issuer?: forge.pki.Certificate;
  publicKey: forge.pki.PublicKey;
  signingKey: forge.pki.PrivateKey;
  extensions: object[];
}): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey(options.publicKey);
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'commonName', value: options.subject }];
  certificate.setSubject(subject);
  certificate.setIssuer(options.issuer?.subject.attributes ?? subject);
  certificate.setExtensions(options.extensions);
  certificate.sign(options.signingKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return certificate;
}

function publicKey(key: forge.pki.PublicKey): forge.pki.rsa.PublicKey {
  return key as forge.pki.rsa.PublicKey;
}

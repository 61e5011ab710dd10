/** One of the demo's integrations, as the integrations file names it. */
export interface DemoIntegration {
  id: number;
  name: string;
  /** The store, for people. */
  store: string;
  /** How the demo runs its `fromsecret test`: the built binary, or embedded (see the README). */
  runs: 'binary' | 'embedded';
}

/** The three integrations of the integrations file, in its order. */
export const DEMO_INTEGRATIONS: readonly DemoIntegration[] = [
  { id: 1, name: 'vault-demo', store: 'HashiCorp Vault', runs: 'binary' },
  { id: 2, name: 'azure-demo', store: 'Azure Key Vault', runs: 'embedded' },
  { id: 3, name: 'infisical-demo', store: 'Infisical', runs: 'binary' },
];

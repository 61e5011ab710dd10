import { startAzureKeyVaultTarget } from './azure-key-vault-target';
import { describeProviderFaults } from './describe-provider-faults';

describeProviderFaults('azure-key-vault', startAzureKeyVaultTarget);

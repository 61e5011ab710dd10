import { describeProviderFaults } from './describe-provider-faults';
import { startAzureKeyVaultTarget } from './provider-targets';

describeProviderFaults('azure-key-vault', startAzureKeyVaultTarget);

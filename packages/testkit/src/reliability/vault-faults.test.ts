import { describeProviderFaults } from './describe-provider-faults';
import { startVaultTarget } from './vault-target';

describeProviderFaults('vault', startVaultTarget);

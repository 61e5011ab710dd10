import { describeProviderFaults } from './describe-provider-faults';
import { startVaultTarget } from './provider-targets';

describeProviderFaults('vault', startVaultTarget);

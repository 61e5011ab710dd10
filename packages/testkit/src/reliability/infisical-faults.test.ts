import { describeProviderFaults } from './describe-provider-faults';
import { startInfisicalTarget } from './provider-targets';

describeProviderFaults('infisical', startInfisicalTarget);

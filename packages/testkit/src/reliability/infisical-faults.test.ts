import { describeProviderFaults } from './describe-provider-faults';
import { startInfisicalTarget } from './infisical-target';

describeProviderFaults('infisical', startInfisicalTarget);

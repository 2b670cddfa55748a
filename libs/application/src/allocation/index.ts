export * from './allocation-candidate-source.port';
export * from './allocation-proposal.model';
export * from './allocation-problem.builder';
export * from './propose-allocation.use-case';

// What the client and the server say to each other: names, settings, command ids and the typed
// `phiGuard/*` requests with their data shapes. The client imports nothing else from the server
// side; every import here from the engine, the policy or the scaffold module is a type.

export * from './messages';
export * from './settings';
export * from './commands';
export * from './coverage';
export * from './scan-workspace';
export * from './policy-status';
export * from './ai-tools';
export * from './policy-file';
export * from './scaffold';
export * from './compliance-report';

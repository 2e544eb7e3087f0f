// The policy module's public API (loading, validation, defaults).

export * from './types';
export { defaultPolicy } from './defaults';

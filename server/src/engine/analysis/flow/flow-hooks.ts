// The points where flows across functions and files plug into the intra-function flow (flow.ts).

import type { CallExpr, Expr, ParamFact } from '../../model/facts';
import type { Range } from '../../model/types';
import type { Taint } from './taint';
import type { PhiField } from './record-types';

/**
 * Where flows across functions plug in (engine/summaries/): what a parameter stands for while a
 * function's summary is computed, and what a call to a workspace function returns. Without hooks
 * the analysis is the single-function one.
 */
export interface FlowHooks {
  /**
   * What the workspace answers below depend on besides the file itself: answers memoised across
   * analyses (endpoints/evidence-memo.ts) are keyed by it. Absent while there are such answers,
   * nothing is memoised.
   */
  answersKey?: string;
  /** Taint a parameter carries in addition to what its name says (a marker for the caller's value). */
  paramTaint?(param: ParamFact, range: Range): Taint | undefined;
  /**
   * The result of a call: `builtin` is what the single-function analysis says, `argTaint` the
   * taint of an expression in the caller's scope.
   */
  callResult?(call: CallExpr, scopeId: number, builtin: () => Taint | undefined, argTaint: (expr: Expr) => Taint | undefined): Taint | undefined;
  /**
   * What one key of a call's result holds, when the workspace function always returns an object
   * literal with known keys (FunctionSummary.returnsOwnByKey); undefined when that is not known.
   */
  callResultKey?(call: CallExpr, scopeId: number, key: string): { taint: Taint | undefined } | undefined;
  /** A value turned into its string form (`${x}`, `"%s" % x`): summaries mark what the caller's value will be printed by. */
  stringForm?(taint: Taint): Taint;
  /** Whether callResult answers a call from a workspace function's summary (so a clean answer is known clean). */
  followsCall?(call: CallExpr, scopeId: number): boolean;
  /**
   * What reading a field no catalogue entry names gives of a value that is not a record
   * (`value["identifier"]`): a part of it. Summaries mark it, since the caller may pass a whole
   * record, whose unknown fields are not PHI. `property` is the field read.
   */
  unknownField?(taint: Taint, property: string): Taint;
  /**
   * What a container holds of a value stored under `key` (`var_obj["phenotypes"] = x`), read as
   * the whole container: summaries mark the caller's values so, since a callee reading another
   * key of the container reads none of them.
   */
  storedUnder?(taint: Taint, key: string): Taint;
  /**
   * The audit call (one of `names`) that a workspace function reached from `callee` makes, at any
   * depth of resolved calls (a handler delegating to a service that writes the audit log).
   */
  auditCallBehind?(callee: Expr, scopeId: number, names: readonly string[]): string | undefined;
  /** For a middleware factory `callee`: a workspace function its middleware delegates to that makes such an audit call. */
  auditCallThroughFactory?(callee: Expr, scopeId: number, names: readonly string[]): string | undefined;
  /** What the workspace functions `callee` reaches do with data: send it to an AI service, use a data store, fetch over HTTP. */
  dataUseBehind?(callee: Expr, scopeId: number): { sendsToAi: boolean; usesStore: boolean; fetches: boolean } | undefined;
  /** For a type name of the file that is imported from the workspace: the field holding a record, when its type holds one (record-types.ts). */
  typeHoldsRecord?(typeName: string): string | undefined;
  /** For a type name of the file that is imported from the workspace: its PHI fields, when the type's own fields are PHI (record-types.ts). */
  typePhiFields?(typeName: string): PhiField[] | undefined;
  /** Whether the workspace module imported here as `name` (a model) mints claim numbers (analysis/sinks/minted-claim-numbers.ts). */
  importedModuleMintsClaimNumbers?(name: string): boolean;
  /** The Mongoose reference fields of the model a module of the workspace exports, imported here as `name` (unpopulated-references.ts). */
  referenceFieldsOf?(name: string): readonly string[] | undefined;
  /** Whether `callee` is a workspace function that refuses the request as forbidden, itself or through its calls (an access check). */
  accessRefusalBehind?(callee: Expr, scopeId: number): boolean;
  /** Whether `callee` is a workspace function that only answers "not implemented" (a handler stub). */
  notImplementedBehind?(callee: Expr, scopeId: number): boolean;
  /** Whether `callee` is a workspace handler that answers with totals only (endpoints/totals-response.ts). */
  totalsResponseBehind?(callee: Expr, scopeId: number): boolean;
  /** What the workspace functions `callee` reaches read from data stores: totals, tables of kinds, keys and states, rows (endpoints/totals-only.ts). */
  storeReadsBehind?(callee: Expr, scopeId: number): StoreReads | undefined;
}

/** What data-store calls read (endpoints/totals-only.ts storeReads). */
export interface StoreReads {
  /** A store call or SQL statement returns a total. */
  totals: boolean;
  /** A store call or SQL statement reads only tables of kinds, settings or sources (`referral_sources`, `appointment_types`). */
  reference: boolean;
  /** A store call or SQL statement reads or writes rows (or cannot be told). */
  records: boolean;
  /** An SQL statement reads or writes rows by keys, states and bookkeeping columns only, none of them PHI (sql-tables.ts carriesNoPhiFields). */
  fieldless: boolean;
}

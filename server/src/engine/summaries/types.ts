// What a function does with the PHI it is given, as plain data (docs/architecture.md, "Flows
// across functions and files"). Summaries hold names, indexes, rule ids and positions only: never
// source text, never syntax trees, so a workspace index of them stays small and can be cached,
// sent to worker threads and compared.

import type { LoggerReference } from '../model/audit-context';
import type { Language } from '../model/facts';
import type { PhiElementRef, Range, RuleId } from '../model/types';
import type { PhiField } from '../analysis/flow/record-types';

/** The rules whose sinks a parameter can reach inside a callee. */
export type SinkRuleId = Extract<RuleId, 'phi-in-log' | 'phi-in-error' | 'phi-to-third-party' | 'phi-to-ai'>;

/** A sink inside some function of the workspace. */
export interface SinkEffect {
  ruleId: SinkRuleId;
  /** The sink's name as the rule reports it (`logger.debug`, `Sentry: captureMessage`). */
  sink: string;
  /** The file holding the sink (absolute path). */
  path: string;
  /** The sink call's callee. */
  range: Range;
  /**
   * A log or error call whose words name no patient and no record of care: a procedure code a
   * caller passes reaches it alone, as reference data (analysis/sinks/reference-codes.ts).
   */
  namesNoCareRecord?: true;
  /** A log call: the logger it goes through, so a caller can tell whether the project made it redact. */
  logger?: LoggerReference;
}

/** An argument of a call inside a function: which of the function's parameters and earlier call results flow into it. */
export interface CallArgument {
  /** Positional index, undefined for a keyword argument or a spread. */
  position?: number;
  /** Keyword name (`value=` in Python). */
  name?: string;
  spread?: boolean;
  params: number[];
  /** Parameters that flow in only through a field read of them (see ParamSink.viaField). */
  paramFields?: number[];
  /** For each of paramFields, the fields read of it (`data.userName` -> userName). */
  fieldNames?: string[][];
  calls: number[];
  /**
   * Parameters the argument holds only inside a container, under these keys (`var_obj` after
   * `var_obj["phenotypes"] = case_obj[...]`): a callee reading only other keys of it reads none of them.
   */
  storedKeys?: [number, string[]][];
  /**
   * An object literal's entries by key (`{ headline: kind, message: note }`), nested literals
   * included: a callee that reads only some fields of the argument gets only what those keys hold.
   */
  keys?: KeyedArgument[];
}

/** What one key of an object literal argument carries. */
export interface KeyedArgument extends Omit<CallArgument, 'position' | 'name' | 'spread'> {
  key: string;
}

/**
 * A parameter reaching a sink. `viaField`: only a field of it does (`param["identifier"]`), so a
 * caller passing a whole record passes nothing that counts (an unknown field of a record is not
 * PHI), while one passing a PHI value passes a part of it.
 */
export interface ParamSink {
  param: number;
  effect: SinkEffect;
  viaField?: true;
  /**
   * With `viaField`, read in this function itself: the fields read (`params.alertType`). A caller
   * passing an object literal passes only what those keys hold. Absent: some field, unknown which.
   */
  fields?: string[];
  /**
   * With `fields`: they are fields of a value a call built from the parameter (`buildConfig(param).layout`),
   * not of the parameter itself; read only at keys that name no PHI, its PHI does not reach the sink.
   */
  builtFields?: true;
  /**
   * The sink writes the parameter only by its string form (`${result}` in a JS template, `%s` in
   * Python): a caller's record whose string form shows no PHI (a JS object's `[object Object]`) passes nothing.
   */
  stringForm?: true;
}

/** A call made by a function, by the dotted path of its callee (`trace`, `audit_util.trace`, `self.save`). */
export interface CallSite {
  callee: string[];
  args: CallArgument[];
  /**
   * Its own words name a sign-in or session event (`auditLogger.info('Session expired', ...)`,
   * `{ action: 'LOGIN_FAILED' }`): an audit of authentication, not of access to a record.
   */
  authEvent?: true;
}

/** PHI a function returns whatever its caller passes (a query on a patient model, `patient.first_name` read by name). */
export interface OwnReturn {
  elements: PhiElementRef[];
  record: boolean;
}

/** One key of the object literals a function returns (FunctionSummary.returnsOwnByKey). */
export interface ReturnedKey {
  key: string;
  own: OwnReturn;
  /** It also holds a caller's value or another call's result. */
  open?: true;
}

export interface FunctionSummary {
  /** `trace`, or `Class.method`. */
  name: string;
  className?: string;
  params: string[];
  /** Parameters that reach a sink, and the sink. */
  sinks: ParamSink[];
  /** Sinks reached by the result of one of the function's own calls (`log(helper(x))`). */
  sinksViaCalls: { call: number; effect: SinkEffect }[];
  returnsParams: number[];
  /** Parameters returned only through a field read of them (see ParamSink.viaField). */
  returnsParamFields?: number[];
  /** Calls whose result the function returns. */
  returnsCalls: number[];
  returnsOwn?: OwnReturn;
  /**
   * When every value the function returns is an object literal with known keys: what each key
   * holds of the function's own PHI (an empty list for a clean key). `report.successCount` of such
   * a result is then that key's value alone; an `open` key is the whole result, as without this.
   */
  returnsOwnByKey?: ReturnedKey[];
  calls: CallSite[];
  /**
   * Callees of the calls made in functions nested in this one that have no summary of their own
   * (the middleware a factory returns: `(key) => async (req, res, next) => {...}`): followed by the
   * data-store walk only (what running the function's result may touch; the audit walk does not
   * take them, as such a middleware may audit only some of its branches).
   */
  nestedCalls?: string[][];
  /**
   * Callees of the calls made in callbacks the function hands to a call that runs them before it
   * answers (a tracing span, a transaction: summaries/callbacks-run-now.ts), also in
   * `nestedCalls`: the function's own calls for the audit walk too.
   */
  runNowCalls?: string[][];
  /** The function refuses the request as forbidden on some path (`abort(403)`: analysis/endpoints/access-denial.ts). */
  refusesForbidden?: true;
  /** The function only answers "not implemented" (analysis/endpoints/stub-handler.ts). */
  notImplemented?: true;
  /** An Express-style handler that answers with totals only (analysis/endpoints/totals-response.ts). */
  respondsTotals?: true;
  /** What the function (with the functions nested in it) reads from data stores: totals, tables of kinds, rows (analysis/endpoints/totals-only.ts). */
  readsTotals?: true;
  readsReference?: true;
  /** SQL statements of keys, states and bookkeeping columns only (analysis/endpoints/sql-tables.ts carriesNoPhiFields). */
  readsFieldless?: true;
  readsRecords?: true;
  /** The function (with the functions nested in it) calls over HTTP (`fetch`, `axios.get`, `requests.post`). */
  fetchesOverHttp?: true;
  /** The audit-named table an SQL statement of its own body inserts into (`client.query('INSERT INTO audit_log ...')`): an audit record written in SQL. */
  insertsAuditRow?: string;
}

/** A class of the file, with its base classes as written. */
export interface ClassSummary {
  name: string;
  bases: string[];
  /**
   * Fields a TS constructor's typed parameters give the class, field -> class name
   * (`constructor(private readonly labOrders: LabOrdersService)`): the services a NestJS
   * controller is injected with, so that `this.labOrders.get(...)` resolves.
   */
  injected?: [string, string][];
}

/** `import`s as local name -> imported name (`*module*`, `*default*`), and what a barrel re-exports. */
export interface ModuleImport {
  module: string;
  names: [string, string][];
}

export interface FileSummary {
  path: string;
  language: Language;
  imports: ModuleImport[];
  reexports: ModuleImport[];
  classes: ClassSummary[];
  functions: FunctionSummary[];
  /** The function, class or instance of `export default`. */
  defaultExport?: string;
  /** Module-level instances as name -> class name as written (`service = Service()`, `export const svc = new Svc()`). */
  instances?: [string, string][];
  /** Module-level objects gathering functions (`export const Service = { create, update: updateX }`), as name -> [member, name in the module]. */
  namespaces?: [string, [string, string][]][];
  /** TS/JS types that hold a patient record in a field, as type -> that field (analysis/flow/record-types.ts). */
  recordTypes?: [string, string][];
  /** TS/JS types named for the patient or a clinical element whose own fields are PHI, as type -> those fields (record-types.ts). */
  phiFieldTypes?: [string, PhiField[]][];
  /** The module mints its own claim numbers (analysis/sinks/minted-claim-numbers.ts): those read off its model's documents are record references. */
  mintsClaimNumbers?: true;
  /** Mongoose schemas of the file with fields that reference other documents by id, as model key -> those fields (unpopulated-references.ts). */
  referenceFields?: [string, string[]][];
}

/** What a resolved function does, after following its calls through the workspace to a fixpoint. */
export interface ResolvedSummary {
  name: string;
  path: string;
  params: string[];
  /** Python methods take `self` / `cls` first; called on an instance or `cls`, the arguments start at 1. */
  implicitFirst: boolean;
  sinks: ParamSink[];
  returnsParams: number[];
  returnsParamFields: number[];
  returnsOwn?: OwnReturn;
  /** As FunctionSummary.returnsOwnByKey: what it says of its own PHI is final as extracted; open keys are answered by the whole result. */
  returnsOwnByKey?: ReturnedKey[];
}

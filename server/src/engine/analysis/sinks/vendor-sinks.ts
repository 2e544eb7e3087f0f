// Which calls send data to a third party or an AI provider. A receiver's vendor is found through
// what it was built from: an import of the vendor's module, a client constructed from it, a
// method chain on such a client, or a LangChain pipe that contains one.

import { calleePath, labelOf } from '../../model/expressions';
import type { Argument, BindingFact, CallExpr, CallFact, Expr, FileFacts } from '../../model/facts';
import { importOf, isWithinScope, type ImportedName } from '../../model/facts-index';
import type { FlowAnalyzer } from '../flow/flow';
import { sourceOf } from '../../model/text';
import {
  ALL_SENDING_NAMES,
  ENDPOINT_ARGUMENTS,
  MODEL_ARGUMENTS,
  VENDOR_BY_CLIENT_CLASS,
  VENDORS,
  vendorForModule,
  vendorForUrl,
  type VendorEntry,
} from '../../catalogues/vendors';

export interface VendorClient {
  vendor: VendorEntry;
  /** The model the client was built for (`GenerativeModel('gemini-1.5-pro')`, `openai('gpt-4o')`). */
  model?: string;
  /** The endpoint the client was configured with (`base_url`, `azure_endpoint`). */
  endpoint?: string;
}

export interface VendorSink extends VendorClient {
  label: string;
  /** Arguments that carry data to the vendor. */
  args: Argument[];
}

const MAX_DEPTH = 8;
/** Global functions that send to a vendor (`gtag`). */
const GLOBAL_FUNCTIONS = new Map(VENDORS.flatMap((vendor) => (vendor.globalFunctions ?? []).map((name) => [name, vendor] as const)));
/** General SDKs whose clients are made per service, and the vendors among their services. */
const SERVICE_CLIENT_MODULES = new Map<string, VendorEntry[]>();
for (const vendor of VENDORS) {
  if (!vendor.serviceClients) continue;
  const list = SERVICE_CLIENT_MODULES.get(vendor.serviceClients.module) ?? [];
  SERVICE_CLIENT_MODULES.set(vendor.serviceClients.module, [...list, vendor]);
}
/** Vendors that a configured client of another vendor turns into (Azure OpenAI through the `openai` SDK). */
const REFINEMENTS = VENDORS.filter((vendor) => vendor.refines);
const REQUEST_OBJECT = /(Command|Mail|Request|Message|Notification)$/;
const MAX_REQUEST_NESTING = 4;
/** Calls that make an HTTP request to the URL in their first argument. */
const HTTP_REQUEST_METHODS = new Set(['fetch', 'post', 'put', 'patch', 'request', 'axios', 'got', 'ky', 'urlopen']);
const LOCAL_FRAMEWORK_CLASS = /Prompt|Template|Parser|Splitter|Loader|Document|Message|Tool|Memory|Reader|Node/;

export class VendorResolver {
  /**
   * What each expression, lazily assigned variable and client getter resolved to: every call
   * named like a send asks, and the same clients are reached again and again (a file's calls on
   * one client, lazily assigned variables searched through all its bindings).
   */
  private readonly clients = new WeakMap<Expr, VendorClient | null>();
  private readonly lazyClients = new Map<string, VendorClient | null>();
  private readonly returnedClients = new Map<string, VendorClient | null>();
  private assignmentsByName: Map<string, BindingFact[]> | undefined;

  constructor(
    private readonly facts: FileFacts,
    private readonly flow: FlowAnalyzer,
  ) {}

  /** The vendor sink a call is, if any. */
  sinkOf(fact: CallFact): VendorSink | undefined {
    const { call } = fact;
    const callee = call.callee;
    const method = callee.kind === 'member' ? callee.property : callee.kind === 'name' ? callee.name : undefined;
    const request = method ? this.requestToVendorApi(method, call, fact.scopeId) : undefined;
    if (request) return request;
    if (!method || !ALL_SENDING_NAMES.has(method)) return undefined;
    const global = callee.kind === 'name' ? GLOBAL_FUNCTIONS.get(method) : undefined;
    if (global && !this.flow.resolveBinding(method, fact.scopeId, Number.MAX_SAFE_INTEGER)) {
      return { vendor: global, label: method, args: call.args };
    }
    const client = callee.kind === 'member' ? this.clientOf(callee.object, fact.scopeId, 0) : this.clientOf(callee, fact.scopeId, 0);
    if (!client) {
      // `llm("prompt")`: calling a LangChain model object directly.
      return undefined;
    }
    if (!client.vendor.sends.includes(method)) return undefined;
    const resolved = client.vendor.providerInModelArgument ? (this.providerOfModelArgument(call, fact.scopeId) ?? client) : client;
    const args = this.requestContents(call.args, fact.scopeId, 0);
    const model = this.modelOf(call, fact.scopeId) ?? args.map((arg) => (arg.value.kind === 'object' ? this.modelOfObject(arg.value, fact.scopeId) : undefined)).find(Boolean);
    return { ...resolved, model: model ?? resolved.model, label: labelOf(callee), args };
  }

  /**
   * A plain HTTP request to a vendor's API (`fetch('https://api.sendgrid.com/v3/mail/send', {...})`,
   * `axios.post(url, data)`, `requests.post(f"https://api.openai.com/...", json=...)`): the vendor
   * is the URL's host, what is sent is every argument but the URL.
   */
  private requestToVendorApi(method: string, call: CallExpr, scopeId: number): VendorSink | undefined {
    if (!HTTP_REQUEST_METHODS.has(method) || !call.args.length) return undefined;
    const vendor = vendorForUrl(this.urlText(call.args[0].value, scopeId));
    if (!vendor) return undefined;
    return { vendor, label: labelOf(call.callee), args: call.args.slice(1) };
  }

  /** The literal text a URL argument starts with, through one variable (`const url = 'https://...'`). */
  private urlText(expr: Expr, scopeId: number): string {
    if (expr.kind === 'name') {
      const bound = this.flow.resolveBinding(expr.name, scopeId, Number.MAX_SAFE_INTEGER)?.value;
      if (!bound || bound.kind === 'name') return '';
      expr = bound;
    }
    if (expr.kind === 'string') return expr.value;
    if (expr.kind === 'template') {
      const first = expr.parts[0];
      return first && 'text' in first ? first.text : '';
    }
    return '';
  }

  /**
   * `client.send(new InvokeModelCommand({...}))`, `sg.send(Mail(...))`,
   * `messaging.send(message)` with `message = messaging.Message(notification=messaging.Notification(body=...))`:
   * the request object's content is sent, nested request objects included.
   */
  private requestContents(args: Argument[], scopeId: number, depth: number): Argument[] {
    return args.flatMap((arg) => {
      let value = arg.value;
      if (value.kind === 'name' && depth < MAX_REQUEST_NESTING) {
        const bound = this.flow.resolveBinding(value.name, scopeId, Number.MAX_SAFE_INTEGER)?.value;
        if (bound?.kind === 'call' && REQUEST_OBJECT.test(labelOf(bound.callee))) value = bound;
      }
      if (value.kind !== 'call' || depth >= MAX_REQUEST_NESTING || !REQUEST_OBJECT.test(labelOf(value.callee))) return [arg];
      return this.requestContents(value.args, scopeId, depth + 1);
    });
  }

  /** The vendor client an expression denotes, following imports, bindings and constructors. */
  clientOf(expr: Expr, scopeId: number, depth: number): VendorClient | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const known = this.clients.get(expr);
    if (known !== undefined) return known ?? undefined;
    // Unknown while it is worked out: a cycle through bindings ends here.
    this.clients.set(expr, null);
    const client = this.resolveClient(expr, scopeId, depth);
    this.clients.set(expr, client ?? null);
    return client;
  }

  private resolveClient(expr: Expr, scopeId: number, depth: number): VendorClient | undefined {
    switch (expr.kind) {
      case 'name': {
        const imported = this.importOf(expr.name);
        if (imported) {
          // `from google import genai` names the module `google.genai`.
          const vendor = VENDOR_BY_CLIENT_CLASS.get(imported.imported) ?? vendorForModule(`${imported.module}.${imported.imported}`) ?? vendorForModule(imported.module);
          if (vendor) return { vendor };
          if (SERVICE_CLIENT_MODULES.has(imported.module)) return undefined;
        }
        const binding = this.flow.resolveBinding(expr.name, scopeId, Number.MAX_SAFE_INTEGER);
        const bound = binding ? this.clientOf(binding.value, binding.scopeId, depth + 1) : undefined;
        return bound ?? (binding ? this.lazilyAssignedClient(expr.name, binding.scopeId, depth) : undefined);
      }
      case 'member': {
        if (expr.object.kind === 'name' && (expr.object.name === 'self' || expr.object.name === 'this')) {
          const field = this.flow.resolveBinding(`${expr.object.name}.${expr.property}`, scopeId, Number.MAX_SAFE_INTEGER);
          return field ? this.clientOf(field.value, field.scopeId, depth + 1) : undefined;
        }
        return this.clientOf(expr.object, scopeId, depth + 1);
      }
      case 'call':
        return this.constructed(expr, scopeId, depth);
      case 'binary': {
        // LangChain: `prompt | llm | parser`: the model provider, not the prompt, is the sink.
        if (expr.operator !== '|') return undefined;
        const parts = [this.clientOf(expr.left, scopeId, depth + 1), this.clientOf(expr.right, scopeId, depth + 1)];
        return parts.find((part) => part && !part.vendor.providerNotIdentified) ?? parts.find(Boolean);
      }
      case 'other':
        for (const child of expr.children) {
          const client = this.clientOf(child, scopeId, depth + 1);
          if (client) return client;
        }
        return undefined;
      default:
        return undefined;
    }
  }

  /** A client built by a call: the callee's vendor, refined by the class and its configuration. */
  private constructed(call: CallExpr, scopeId: number, depth: number): VendorClient | undefined {
    const path = calleePath(call.callee);
    const className = path?.[path.length - 1];
    const sdk = path && path[0] !== undefined ? this.importOf(path[0])?.module : undefined;
    if (sdk !== undefined && SERVICE_CLIENT_MODULES.has(sdk)) {
      // `boto3.client("bedrock-runtime")` is Bedrock; the SDK's other services are not sinks.
      const service = call.args[0]?.value;
      const vendor = service?.kind === 'string' ? SERVICE_CLIENT_MODULES.get(sdk)!.find((candidate) => service.value.startsWith(candidate.serviceClients!.servicePrefix)) : undefined;
      return vendor ? { vendor } : undefined;
    }
    if (path?.length === 1 && path[0] === 'require' && call.args[0]?.value.kind === 'string' && !this.flow.resolveBinding('require', scopeId, Number.MAX_SAFE_INTEGER)) {
      // `Sdk = require('@anthropic-ai/sdk')` assigned, not declared (in a `try`), is no import fact.
      const vendor = vendorForModule(call.args[0].value.value);
      return vendor ? { vendor } : undefined;
    }
    const base = this.clientOf(call.callee, scopeId, depth + 1);
    if (!base && call.callee.kind === 'name') {
      const returned = this.returnedClient(call.callee.name, depth);
      if (returned) return returned;
    }
    if (!base) {
      // `new AWS.SNS()` of `aws-sdk` v2: the class selects the service of a general SDK.
      const byClass = className ? VENDOR_BY_CLIENT_CLASS.get(className) : undefined;
      return byClass && sdk !== undefined && byClass.umbrellaModules?.includes(sdk) ? { vendor: byClass } : undefined;
    }
    // Prompt templates, parsers and loaders of a framework run locally: they send nothing.
    if (base.vendor.providerNotIdentified && path?.some((segment) => LOCAL_FRAMEWORK_CLASS.test(segment))) return undefined;
    const endpoint = this.stringArgument(call, ENDPOINT_ARGUMENTS, scopeId);
    let vendor = (className && VENDOR_BY_CLIENT_CLASS.get(className)) || base.vendor;
    const refined = REFINEMENTS.find(({ refines }) => refines!.vendor === vendor.id && ((endpoint && refines!.endpoint.test(endpoint)) || call.args.some((arg) => arg.name !== undefined && refines!.arguments.includes(arg.name))));
    if (refined) vendor = refined;
    const model = this.modelOf(call, scopeId) ?? (className && /Model$/.test(className) ? this.firstString(call) : undefined);
    return { vendor, model: model ?? base.model, endpoint: endpoint ?? base.endpoint };
  }

  /**
   * A client variable made lazily: `let client = null` then `client = new Anthropic(...)` in a
   * getter, or `Sdk = require('@anthropic-ai/sdk')` in a `try` whose `catch` sets it to null. The
   * variable is a client when some assignment to it in its scope, or in a function inside it, is one.
   */
  private lazilyAssignedClient(name: string, declaringScope: number, depth: number): VendorClient | undefined {
    const key = `${declaringScope}:${name}`;
    const known = this.lazyClients.get(key);
    if (known !== undefined) return known ?? undefined;
    this.lazyClients.set(key, null);
    let found: VendorClient | undefined;
    for (const binding of this.assignmentsTo(name)) {
      if (!isWithinScope(this.facts, binding.scopeId, declaringScope)) continue;
      if (binding.value.kind !== 'call' && binding.value.kind !== 'member') continue;
      found = this.clientOf(binding.value, binding.scopeId, depth + 1);
      if (found) break;
    }
    this.lazyClients.set(key, found ?? null);
    return found;
  }

  /** The file's plain assignments to a name, indexed once. */
  private assignmentsTo(name: string): BindingFact[] {
    if (!this.assignmentsByName) {
      this.assignmentsByName = new Map();
      for (const binding of this.facts.bindings) {
        if (binding.kind !== 'assign') continue;
        const list = this.assignmentsByName.get(binding.name);
        if (list) list.push(binding);
        else this.assignmentsByName.set(binding.name, [binding]);
      }
    }
    return this.assignmentsByName.get(name) ?? [];
  }

  /** `const client = getClient()` with `function getClient() { ...; return client }` in the file: what it returns. */
  private returnedClient(functionName: string, depth: number): VendorClient | undefined {
    const known = this.returnedClients.get(functionName);
    if (known !== undefined) return known ?? undefined;
    this.returnedClients.set(functionName, null);
    const client = this.clientReturnedBy(functionName, depth);
    this.returnedClients.set(functionName, client ?? null);
    return client;
  }

  private clientReturnedBy(functionName: string, depth: number): VendorClient | undefined {
    const scope = this.facts.scopes.find((candidate) => candidate.kind === 'function' && candidate.name === functionName && candidate.parentId === 0);
    if (!scope) return undefined;
    if (scope.expressionBody) return this.clientOf(scope.expressionBody, scope.id, depth + 1);
    for (const returned of this.facts.returns ?? []) {
      if (returned.scopeId !== scope.id || !returned.value) continue;
      const client = this.clientOf(returned.value, scope.id, depth + 1);
      if (client) return client;
    }
    return undefined;
  }

  /** Vercel AI SDK: the provider is the `model:` argument (`openai('gpt-4o')`). */
  private providerOfModelArgument(call: CallExpr, scopeId: number): VendorClient | undefined {
    const options = call.args[0]?.value;
    if (options?.kind !== 'object') return undefined;
    const modelEntry = options.entries.find((entry) => entry.key === 'model');
    if (!modelEntry) return undefined;
    const provider = this.clientOf(modelEntry.value, scopeId, 0);
    if (!provider || provider.vendor.providerInModelArgument) return undefined;
    const model = modelEntry.value.kind === 'call' ? this.firstString(modelEntry.value) : undefined;
    return { ...provider, model: model ?? provider.model };
  }

  /** `model="gpt-4.1"` / `{ model: 'gpt-4.1' }` / `modelId`. */
  modelOf(call: CallExpr, scopeId: number): string | undefined {
    return this.stringArgument(call, MODEL_ARGUMENTS, scopeId);
  }

  private modelOfObject(object: Extract<Expr, { kind: 'object' }>, scopeId: number): string | undefined {
    const entry = object.entries.find((e) => e.key !== undefined && MODEL_ARGUMENTS.includes(e.key));
    return entry ? this.stringValue(entry.value, scopeId) : undefined;
  }

  private stringArgument(call: CallExpr, names: string[], scopeId: number): string | undefined {
    for (const arg of call.args) {
      if (arg.name && names.includes(arg.name)) return this.stringValue(arg.value, scopeId);
      if (!arg.name && arg.value.kind === 'object') {
        const entry = arg.value.entries.find((e) => e.key !== undefined && names.includes(e.key));
        if (entry) return this.stringValue(entry.value, scopeId);
      }
    }
    return undefined;
  }

  private firstString(call: CallExpr): string | undefined {
    const first = call.args.find((arg) => !arg.name)?.value;
    return first?.kind === 'string' ? first.value : undefined;
  }

  /** A string literal, or a name bound to one (`MODEL = "gpt-4.1"`). */
  private stringValue(expr: Expr, scopeId: number): string | undefined {
    if (expr.kind === 'string') return expr.value;
    if (expr.kind === 'name') {
      const binding = this.flow.resolveBinding(expr.name, scopeId, Number.MAX_SAFE_INTEGER);
      if (binding?.value.kind === 'string') return binding.value.value;
    }
    return undefined;
  }

  /** Like facts-index's importOf, with a whole-module import standing for the local name itself. */
  private importOf(localName: string): ImportedName | undefined {
    const found = importOf(this.facts, localName);
    if (!found) return undefined;
    const { module, imported } = found;
    return { module, imported: imported === '*module*' || imported === '*default*' || imported === '*call*' ? localName : imported };
  }
}

/** `sentry_sdk.init(send_default_pii=True)` / `Sentry.init({ sendDefaultPii: true })`: the vendor's defaultPiiSwitch turned on. */
export function sendsDefaultPii(fact: CallFact, facts: FileFacts, resolver: VendorResolver): Argument | Expr | undefined {
  const { callee } = fact.call;
  if (callee.kind !== 'member' && callee.kind !== 'name') return undefined;
  const name = callee.kind === 'member' ? callee.property : callee.name;
  if (name !== 'init') return undefined;
  const client = callee.kind === 'member' ? resolver.clientOf(callee.object, fact.scopeId, 0) : resolver.clientOf(callee, fact.scopeId, 0);
  const piiSwitch = client?.vendor.defaultPiiSwitch;
  if (!piiSwitch) return undefined;
  for (const arg of fact.call.args) {
    if (arg.name === piiSwitch.keyword && /^True$/.test(sourceOf(facts, arg.value.range).trim())) return arg;
    if (!arg.name && arg.value.kind === 'object') {
      const entry = arg.value.entries.find((e) => e.key === piiSwitch.option);
      if (entry && sourceOf(facts, entry.value.range).trim() === 'true') return entry.value;
    }
  }
  return undefined;
}

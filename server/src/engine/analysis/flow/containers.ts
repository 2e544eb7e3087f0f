// Containers that receive PHI by mutation (docs/rules/phi-in-log.md, "What is followed"): a list,
// set, dict, Map or object holds PHI from the call that puts it there on. Each such call becomes a
// synthetic `augmented` binding of the container's name, so the flow analysis follows it like
// `missing += [p.mrn]`: what the container held before, plus what the call added.

import type { BindingFact, CallExpr, Expr, FileFacts } from '../../model/facts';
import { offsetOf } from '../../model/text';
import { tokenize } from '../phi/identifiers';

/** Methods that store their arguments in the receiver (Python lists, sets, dicts; JS arrays, Sets, Maps). */
const STORING_METHODS = new Set(['append', 'extend', 'insert', 'add', 'update', 'setdefault', 'push', 'unshift', 'set', 'appendleft', 'extendleft']);

/** Methods that hand back an entry of the receiver, which a storing call then fills. */
const ENTRY_METHODS = new Set(['setdefault', 'get']);

/**
 * Receivers whose `add` / `update` / `set` hand data to a service, not into a value the code
 * logs later (`db.session.add(patient)`, `span.set(...)`, `sentry_scope.set_context(...)`).
 */
const SERVICE_WORDS = new Set([
  'db', 'database', 'session', 'connection', 'conn', 'cursor', 'engine', 'client', 'api', 'sdk', 'app',
  'application', 'router', 'blueprint', 'logger', 'log', 'tracer', 'span', 'scope', 'metrics', 'registry',
  'parser', 'mailer', 'transport', 'redis', 'cache', 'store', 'storage', 'bucket', 'producer', 'broker',
]);

/** Whether a receiver name (`db`, `self.session`, `redisClient`) names a service rather than a container of data. */
export function isServiceName(name: string): boolean {
  const tokens = tokenize(name.replace(/^(self|this)\./, ''));
  return tokens.length > 0 && SERVICE_WORDS.has(tokens[tokens.length - 1]);
}

/** Where a binding of `name` as seen from `scopeId` lives: the scope that declares it (or has it as a parameter). */
export type DeclaringScope = (name: string, scopeId: number, offset: number) => number | undefined;

/** A storing call as a binding of the container, and the scope its stored values are read in (a callback's). */
export interface ContainerBinding {
  binding: BindingFact;
  valueScopeId: number;
}

/**
 * The synthetic bindings of every storing call of the file: `missing.append(p.mrn)`,
 * `rows["mrns"].add(x)`, `missing.push(p.mrn)`, `Object.assign(payload, patient)`.
 * `skipReceiver` leaves out receivers that are not containers of data (`db.session.add(patient)`).
 */
export function containerBindings(facts: FileFacts, declaringScope: DeclaringScope, skipReceiver: (name: string) => boolean): ContainerBinding[] {
  const bindings: ContainerBinding[] = [];
  for (const fact of facts.calls) {
    const stored = storedInto(fact.call);
    if (!stored) continue;
    const container = containerOf(stored.target);
    if (!container || skipReceiver(container.name)) continue;
    const { name, key } = container;
    const offset = offsetOf(facts.lineStarts, facts.text, fact.call.range.end);
    const scopeId = declaringScope(name, fact.scopeId, offset) ?? fact.scopeId;
    const value: Expr = { kind: 'array', items: stored.values, range: fact.call.range };
    const binding: BindingFact = { scopeId, name, range: stored.target.range, offset, value, kind: 'augmented' };
    if (key !== undefined) binding.property = key;
    bindings.push({ binding, valueScopeId: fact.scopeId });
  }
  return bindings;
}

/** The container a call stores into and the values it stores, if it is a storing call. */
function storedInto(call: CallExpr): { target: Expr; values: Expr[] } | undefined {
  const callee = call.callee;
  if (callee.kind !== 'member') return undefined;
  // `Object.assign(target, ...sources)`: the target receives the sources' properties.
  if (callee.property === 'assign' && callee.object.kind === 'name' && callee.object.name === 'Object') {
    const [target, ...sources] = call.args;
    return target && sources.length ? { target: target.value, values: sources.map((arg) => arg.value) } : undefined;
  }
  if (!STORING_METHODS.has(callee.property) || !call.args.length) return undefined;
  return { target: callee.object, values: call.args.map((arg) => arg.value) };
}

/**
 * The variable a container expression is kept in, and the key of it stored into: `missing`,
 * `rows` and key `mrns` for `rows["mrns"]`, `self.cache` / `this.cache` for a field. Calls are not
 * followed (`get_list().append(x)` stores into a value no variable names).
 */
function containerOf(expr: Expr): { name: string; key?: string } | undefined {
  let current = expr;
  let key: string | undefined;
  for (let i = 0; i < 8; i++) {
    if (current.kind === 'other' && current.children.length === 1) current = current.children[0];
    else if (current.kind === 'name') return current.name === 'self' || current.name === 'this' ? undefined : { name: current.name, key };
    else if (current.kind === 'member' && current.object.kind === 'name' && (current.object.name === 'self' || current.object.name === 'this')) {
      return { name: `${current.object.name}.${current.property}`, key };
    } else if (current.kind === 'member') {
      key = current.property;
      current = current.object;
    } else if (current.kind === 'index') {
      key = undefined;
      current = current.object;
    } else if (current.kind === 'call' && current.callee.kind === 'member' && ENTRY_METHODS.has(current.callee.property)) {
      // `groups.setdefault(ward, []).append(p.mrn)`, `byWard.get(ward).push(p.mrn)`: an entry of `groups`.
      const keyArg = current.args[0]?.value;
      key = keyArg?.kind === 'string' ? keyArg.value : undefined;
      current = current.callee.object;
    } else return undefined;
  }
  return undefined;
}

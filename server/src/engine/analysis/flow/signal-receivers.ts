// Django model signals (docs/rules/phi-in-log.md, "Two values are PHI by where they come from"):
// what the `instance` argument of a receiver is. A receiver of `post_save`, `post_delete`, ...
// registered without `sender=` runs for every model of the project, the patient's models
// included, so in its module `instance` is any model's instance: its data (`instance.__dict__`,
// `vars(instance)`, `model_to_dict(instance)`) is a patient's fields whenever a patient is
// saved or deleted. Its string form is whatever the model's `__str__` is, which is not known:
// only its data counts. A receiver registered with `sender=Patient` gets a `Patient`.

import type { CallExpr, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { innerValue } from '../../model/expressions';

/** Django's signals whose receivers are given the model `instance`. */
const MODEL_SIGNALS = new Set(['pre_init', 'post_init', 'pre_save', 'post_save', 'pre_delete', 'post_delete', 'm2m_changed']);

/** The parameter name Django passes the model instance as. */
export const SIGNAL_INSTANCE_PARAM = 'instance';

export interface SignalReceivers {
  /** The module registers a receiver of a model signal for every sender. */
  everyModel: boolean;
  /** The sender class (as written) of each receiver function registered for one sender. */
  senders: Map<number, string>;
}

export function signalReceivers(facts: FileFacts): SignalReceivers {
  const result: SignalReceivers = { everyModel: false, senders: new Map() };
  if (facts.language !== 'python') return result;
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function') continue;
    for (const decorator of scope.decorators) {
      const registration = receiverRegistration(decorator.expr);
      if (registration) record(result, scope, registration.sender);
    }
  }
  // `post_save.connect(handler)`, `signals.post_delete.connect(handler, sender=Patient)`.
  for (const { call } of facts.calls) {
    if (call.callee.kind !== 'member' || call.callee.property !== 'connect' || !isModelSignal(call.callee.object)) continue;
    const handler = call.args.find((arg) => !arg.name)?.value;
    const scope = handler?.kind === 'name' ? facts.scopes.find((s) => s.kind === 'function' && s.name === handler.name) : undefined;
    if (scope) record(result, scope, senderOf(call));
  }
  return result;
}

function record(result: SignalReceivers, scope: ScopeFact, sender: string | undefined): void {
  if (sender) result.senders.set(scope.id, sender);
  else result.everyModel = true;
}

/** `@receiver(post_save)`, `@receiver([pre_delete, post_delete], sender=Patient)`: the sender when one is named. */
function receiverRegistration(expr: Expr): { sender?: string } | undefined {
  const call = innerValue(expr);
  if (call?.kind !== 'call') return undefined;
  const callee = call.callee.kind === 'name' ? call.callee.name : call.callee.kind === 'member' ? call.callee.property : undefined;
  if (callee !== 'receiver') return undefined;
  const signal = call.args.find((arg) => !arg.name)?.value;
  if (!signal || !signalsIn(signal).some(isModelSignal)) return undefined;
  return { sender: senderOf(call) };
}

function senderOf(call: CallExpr): string | undefined {
  const sender = call.args.find((arg) => arg.name === 'sender')?.value;
  if (!sender) return undefined;
  // A sender given as a string (`"app.Patient"`) or any expression still names one model.
  if (sender.kind === 'name') return sender.name;
  if (sender.kind === 'member') return sender.property;
  return '';
}

function signalsIn(expr: Expr): Expr[] {
  const inner = innerValue(expr);
  if (!inner) return [];
  return inner.kind === 'array' ? inner.items : [inner];
}

function isModelSignal(expr: Expr): boolean {
  const inner = innerValue(expr);
  if (inner?.kind === 'name') return MODEL_SIGNALS.has(inner.name);
  return inner?.kind === 'member' && MODEL_SIGNALS.has(inner.property);
}

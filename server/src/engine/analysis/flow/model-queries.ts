// The model a query chain runs on: `await Appointment.findOne(q).select(f).populate('patient')`
// runs on `Appointment`, `mongoose.model('Visit').findById(id)` on the model named `Visit`. Read
// by the Mongoose reference check (unpopulated-references.ts) and by minted claim numbers
// (analysis/sinks/minted-claim-numbers.ts), which ask what model a document came from.

import type { CallExpr, Expr } from '../../model/facts';
import { calleePath, innerValue } from '../../model/expressions';

/** How long a query chain is followed (`Model.findOne(q).select(f).lean().exec()`). */
const MAX_CHAIN = 12;

export interface ModelQuery {
  /** The capitalised name the chain starts from (`Appointment`), as written. */
  receiver?: string;
  /** The model a `model('Visit')` call names. */
  named?: string;
  /** The `.populate(...)` steps of the chain. */
  populated: CallExpr[];
}

/** The model a query chain runs on, or undefined when the value is no method chain on a capitalised name or a `model('X')` call. */
export function modelQueried(expr: Expr): ModelQuery | undefined {
  let current = innerValue(expr);
  const populated: CallExpr[] = [];
  for (let i = 0; current && i < MAX_CHAIN; i++) {
    if (current.kind === 'other' && current.children.length === 1) current = innerValue(current.children[0]);
    else if (current.kind === 'call' && current.callee.kind === 'member') {
      if (current.callee.property === 'populate') populated.push(current);
      const receiver = innerValue(current.callee.object);
      if (receiver?.kind === 'name') return /^[A-Z]/.test(receiver.name) ? { receiver: receiver.name, populated } : undefined;
      const named = receiver && namedModel(receiver);
      if (named) return { named, populated };
      current = receiver;
    } else return undefined;
  }
  return undefined;
}

/** `mongoose.model('Visit')`, `model('Visit')`: the model a call names by its only, string argument. */
export function namedModel(expr: Expr): string | undefined {
  if (expr.kind !== 'call') return undefined;
  const path = calleePath(expr.callee);
  const first = innerValue(expr.args[0]?.value);
  return path?.at(-1) === 'model' && first?.kind === 'string' && expr.args.length === 1 ? first.value : undefined;
}

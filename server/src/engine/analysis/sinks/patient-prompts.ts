// A prompt that says what it is about (docs/rules/phi-to-ai.md, "Prompts about a patient"):
// `Give a differential diagnosis for this patient: ${payload}` sends the patient's case, whatever
// the variable holding it is called. Names alone cannot tell (`payload`, `context`,
// `caseInformation`); the prompt's own words can. Only for AI sinks, and only when no catalogued
// PHI reached the call already.

import type { Argument, BindingFact, CallFact, Expr, FileFacts } from '../../model/facts';
import { labelOf } from '../../model/expressions';
import { offsetOf } from '../../model/text';
import type { PhiClassifier } from '../phi/classify';
import { isConstantName } from '../phi/names-not-values';
import type { Taint } from '../flow/taint';

/** Words in a prompt's literal text that say the values around them are a patient's case. */
const PATIENT_FRAMING = /\b(?:patient(?:'s|s)?|diagnos[ie]s|differential|symptoms?|chief complaint|case information|medical history|clinical (?:notes?|history|summary|information|details))\b/i;

/** Request keys whose values are the text sent (not the model, temperature, limits). */
const PROMPT_KEYS = new Set([
  'content', 'contents', 'messages', 'prompt', 'text', 'input', 'inputs', 'system', 'instructions', 'question',
  'query', 'parts', 'message', 'human', 'user',
]);

/** Methods that build a string from their receiver and arguments (`template.replace('[case]', payload)`). */
const STRING_BUILDERS = new Set([
  'replace', 'replaceAll', 'format', 'concat', 'join', 'trim', 'strip', 'toString', 'stringify', 'dumps', 'substitute',
]);

const MAX_DEPTH = 8;

/** Calls whose result is a number or a flag about their argument. */
const COUNTING_CALLS = new Set(['len', 'count', 'size', 'Boolean', 'bool', 'isinstance', 'Number', 'int', 'sum', 'min', 'max']);

interface PromptScan {
  framed: boolean;
  /** Values interpolated into the prompt that are not literal text, ids or counts. */
  data: Expr[];
}

export function patientFramedPrompt(
  args: Argument[],
  fact: CallFact,
  facts: FileFacts,
  classifier: PhiClassifier,
): { arg: Argument; taint: Taint } | undefined {
  for (const arg of args) {
    const scan: PromptScan = { framed: false, data: [] };
    const walker = new PromptWalker(facts, classifier, fact.scopeId, scan);
    walker.walk(arg.value, arg.value.kind !== 'object', 0);
    if (!scan.framed || !scan.data.length) continue;
    // The case itself rather than the template it is put into: a variable or parameter before a field read.
    const source = scan.data.find((expr) => expr.kind === 'name') ?? scan.data[0];
    const taint: Taint = {
      elements: [{ element: 'patient_case', category: 'clinical' }],
      record: false,
      origin: source.range,
      steps: [{ range: source.range, label: `${source.kind === 'call' ? `${labelOf(source.callee)}(…)` : labelOf(source)} (in a prompt about a patient)` }],
    };
    return { arg, taint };
  }
  return undefined;
}

class PromptWalker {
  private readonly seen = new Set<BindingFact>();

  constructor(
    private readonly facts: FileFacts,
    private readonly classifier: PhiClassifier,
    private readonly scopeId: number,
    private readonly scan: PromptScan,
  ) {}

  /** `inText`: the expression is (part of) the text sent, so a value there is interpolated data. */
  walk(expr: Expr, inText: boolean, depth: number): void {
    if (depth > MAX_DEPTH) return;
    switch (expr.kind) {
      case 'string':
        if (PATIENT_FRAMING.test(expr.value)) this.scan.framed = true;
        return;
      case 'template':
        for (const part of expr.parts) {
          if ('text' in part) {
            if (PATIENT_FRAMING.test(part.text)) this.scan.framed = true;
          } else this.walk(part.expr, true, depth + 1);
        }
        return;
      case 'binary':
        if (expr.operator !== '+' && expr.operator !== '%') return;
        this.walk(expr.left, true, depth + 1);
        this.walk(expr.right, true, depth + 1);
        return;
      case 'object':
        for (const entry of expr.entries) {
          const textKey = entry.key !== undefined && PROMPT_KEYS.has(entry.key);
          if (textKey || inText) this.walk(entry.value, true, depth + 1);
        }
        return;
      case 'array':
        for (const item of expr.items) this.walk(item, inText, depth + 1);
        return;
      case 'other':
        for (const child of expr.children) this.walk(child, inText, depth + 1);
        return;
      case 'name':
        if (!inText) return;
        this.walkName(expr, depth);
        return;
      case 'member':
      case 'index':
        if (inText) this.addData(expr);
        return;
      case 'call':
        if (!inText) return;
        if (expr.callee.kind === 'member' && STRING_BUILDERS.has(expr.callee.property)) {
          this.walk(expr.callee.object, true, depth + 1);
          for (const arg of expr.args) this.walk(arg.value, true, depth + 1);
          return;
        }
        // `len(patients)`, `count(rows)`: a number, not what it counts.
        if (this.isSafe(expr)) return;
        this.addData(expr);
        // What a prompt builder is given goes into its result (`buildPrompt(transcript)`).
        for (const arg of expr.args) this.walk(arg.value, true, depth + 1);
        return;
      default:
        return;
    }
  }

  /** A variable in the text: what it was assigned (prompt text or data), or, unassigned (a parameter), data. */
  private walkName(expr: Expr & { kind: 'name' }, depth: number): void {
    const bindings = this.bindingsOf(expr.name, expr);
    if (!bindings.length) {
      this.addData(expr);
      return;
    }
    for (const binding of bindings) {
      if (this.seen.has(binding)) continue;
      this.seen.add(binding);
      this.walk(binding.value, true, depth + 1);
    }
  }

  /** Every assignment of `name` in the sink's function (and the functions around it) before the use. */
  private bindingsOf(name: string, use: Expr): BindingFact[] {
    const offset = offsetOf(this.facts.lineStarts, this.facts.text, use.range.start);
    const chain = new Set<number>();
    for (let id: number | undefined = this.scopeId; id !== undefined; id = this.facts.scopes[id]?.parentId) chain.add(id);
    return this.facts.bindings.filter(
      (binding) => binding.name === name && chain.has(binding.scopeId) && binding.offset <= offset && (binding.kind === 'assign' || binding.kind === 'augmented'),
    );
  }

  private addData(expr: Expr): void {
    if (!this.isSafe(expr)) this.scan.data.push(expr);
  }

  /** An id, a count or a constant by its name (`patientId`, `len(...)`, `STYLE`). */
  private isSafe(expr: Expr): boolean {
    const name = lastName(expr);
    return !!name && (isConstantName(name) || this.classifier.classify(name).kind === 'safe' || COUNTING_CALLS.has(name));
  }
}

/** The identifier that says what a value is: `payload`, `case.notes` → `notes`, `getSummary()` → `getSummary`. */
function lastName(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'name':
      return expr.name;
    case 'member':
      return expr.property;
    case 'call':
      return lastName(expr.callee);
    case 'index':
      return lastName(expr.object);
    default:
      return undefined;
  }
}

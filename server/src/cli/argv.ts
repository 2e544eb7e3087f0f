// A small, strict argument parser: every command declares its options, anything else is a usage
// error (a typo like `--fail-on=warnings` or `--polcy` must never be silently ignored in CI).

import { UsageError } from './usage-error';

export interface OptionSpec {
  /** Long name without the dashes, e.g. `fail-on`. */
  name: string;
  /** One-letter alias without the dash, e.g. `o`. */
  alias?: string;
  type: 'boolean' | 'string';
  /** Allowed values of a string option. */
  choices?: readonly string[];
  /** Placeholder shown in help, e.g. `FILE`. */
  valueName?: string;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Keyed by long name. Booleans are true when present; strings hold the last value given. */
  options: Record<string, string | boolean | undefined>;
}

export const HELP_OPTION: OptionSpec = { name: 'help', alias: 'h', type: 'boolean', description: 'show help for this command' };

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const all = [...specs, HELP_OPTION];
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const { spec, inlineValue } = lookUp(arg, all, command);
    if (spec.type === 'boolean') {
      if (inlineValue !== undefined) throw new UsageError(`option '--${spec.name}' takes no value`, command);
      options[spec.name] = true;
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`option '--${spec.name}' needs a value${spec.choices ? ` (${spec.choices.join(', ')})` : ''}`, command);
      }
      value = next;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`invalid value '${value}' for '--${spec.name}': expected ${spec.choices.join(', ')}`, command);
    }
    options[spec.name] = value;
  }
  return { positionals, options };
}

function lookUp(arg: string, specs: readonly OptionSpec[], command: string): { spec: OptionSpec; inlineValue?: string } {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown option '--${name}'`, command);
    return { spec, inlineValue: eq === -1 ? undefined : arg.slice(eq + 1) };
  }
  const alias = arg.slice(1, 2);
  const spec = specs.find((s) => s.alias === alias);
  if (!spec) throw new UsageError(`unknown option '${arg}'`, command);
  const rest = arg.slice(2);
  if (rest && spec.type === 'boolean') throw new UsageError(`unknown option '${arg}'`, command);
  return { spec, inlineValue: rest ? rest.replace(/^=/, '') : undefined };
}

/** Help lines for a command's options, aligned. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  const rows = [...specs, HELP_OPTION].map((spec) => {
    const flag = `${spec.alias ? `-${spec.alias}, ` : '    '}--${spec.name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
}

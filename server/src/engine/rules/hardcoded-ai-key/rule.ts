import { withSuppressFix } from '../../fixes/suppress';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { envKeyFix } from './fix';
import { classifyLiteral, maskKey } from '../../analysis/api-keys';

// The string literals this rule reads (`facts.literals`) are collected by the adapters
// (adapters/<language>/literals.ts); what a key is, is analysis/api-keys.ts, with the providers'
// key shapes in the vendor catalogue (catalogues/vendors.ts).
export const hardcodedAiKey: Rule = {
  metadata: {
    id: 'hardcoded-ai-key',
    title: 'Hard-coded AI provider key',
    description:
      'A literal API key for an AI provider (OpenAI, Anthropic, Google, Cohere, Mistral, Groq, Hugging Face, AWS Bedrock...) is in source code; keys belong in the environment or a secret manager, scoped per application and environment.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.312(d) (person or entity authentication); 164.312(a)(1) (access control)',
    helpUri: helpUri('hardcoded-ai-key'),
    languages: CODE_LANGUAGES,
  },
  check({ facts }) {
    const findings: RawFinding[] = [];
    for (const literal of facts.literals ?? []) {
      if (!literal.credentialShaped) continue;
      const found = classifyLiteral(literal);
      if (!found) continue;
      const line = literal.range.start.line;
      findings.push({
        ruleId: 'hardcoded-ai-key',
        message: `Hard-coded ${found.provider.label} API key (${maskKey(found.key)}) in source. Read it from the environment (${found.envName}) or a secret manager, and rotate this key.`,
        range: literal.range,
        line,
        phi: [],
        sink: found.provider.label,
        flow: [],
        fixes: withSuppressFix('hardcoded-ai-key', line, facts, envKeyFix(literal, found.key, found.provider, found.envName, facts)),
      });
    }
    return findings;
  },
};

// Known AI coding extensions for VS Code, by extension id (`publisher.name`, matched
// case-insensitively, as VS Code does). The *AI Tools & BAA* view lists every installed extension
// found here (or named in the policy's `aiTools[].extensionIds`) and compares it with the policy.
//
// Maintenance: add an entry when a new AI assistant ships on the Marketplace / Open VSX; each id
// below was checked against its Marketplace listing (`itemName=` links). Extensions that merely
// contain an AI feature next to a main job (GitLens, language packs...) are left out on purpose:
// flagging them would be noise. An organisation can still list any id in its policy.

import { BUILTIN_AI_FEATURES_SETTING } from '../protocol/settings';

export interface AiExtensionInfo {
  /** Extension id as published (`publisher.name`). */
  id: string;
  /** Product name shown in the view. */
  name: string;
  /** Company behind it, for the tooltip. */
  vendor: string;
}

export const AI_EXTENSION_CATALOGUE: readonly AiExtensionInfo[] = [
  { id: 'GitHub.copilot', name: 'GitHub Copilot', vendor: 'GitHub' },
  { id: 'GitHub.copilot-chat', name: 'GitHub Copilot Chat', vendor: 'GitHub' },
  { id: 'ms-azuretools.vscode-azure-github-copilot', name: 'GitHub Copilot for Azure', vendor: 'Microsoft' },
  { id: 'Continue.continue', name: 'Continue', vendor: 'Continue' },
  { id: 'Codeium.codeium', name: 'Windsurf Plugin (Codeium)', vendor: 'Windsurf (Codeium)' },
  { id: 'TabNine.tabnine-vscode', name: 'Tabnine', vendor: 'Tabnine' },
  { id: 'AmazonWebServices.amazon-q-vscode', name: 'Amazon Q', vendor: 'Amazon Web Services' },
  { id: 'saoudrizwan.claude-dev', name: 'Cline', vendor: 'Cline' },
  { id: 'RooVeterinaryInc.roo-cline', name: 'Roo Code', vendor: 'Roo Code' },
  { id: 'kilocode.Kilo-Code', name: 'Kilo Code', vendor: 'Kilo Code' },
  { id: 'Anthropic.claude-code', name: 'Claude Code', vendor: 'Anthropic' },
  { id: 'openai.chatgpt', name: 'Codex (OpenAI)', vendor: 'OpenAI' },
  { id: 'Google.geminicodeassist', name: 'Gemini Code Assist', vendor: 'Google' },
  { id: 'Google.gemini-cli-vscode-ide-companion', name: 'Gemini CLI Companion', vendor: 'Google' },
  { id: 'sourcegraph.cody-ai', name: 'Cody', vendor: 'Sourcegraph' },
  { id: 'sourcegraph.amp', name: 'Amp', vendor: 'Sourcegraph' },
  { id: 'Supermaven.supermaven', name: 'Supermaven', vendor: 'Supermaven' },
  { id: 'augment.vscode-augment', name: 'Augment Code', vendor: 'Augment' },
  { id: 'Codium.codium', name: 'Qodo Gen (CodiumAI)', vendor: 'Qodo' },
  { id: 'TabbyML.vscode-tabby', name: 'Tabby', vendor: 'TabbyML' },
  { id: 'Bito.Bito', name: 'Bito AI', vendor: 'Bito' },
  { id: 'DanielSanMedium.dscodegpt', name: 'CodeGPT', vendor: 'CodeGPT' },
  { id: 'genieai.chatgpt-vscode', name: 'ChatGPT - Genie AI', vendor: 'Genie AI' },
  { id: 'Blackboxapp.blackbox', name: 'BLACKBOX AI', vendor: 'BLACKBOX AI' },
  { id: 'aminer.codegeex', name: 'CodeGeeX', vendor: 'Zhipu AI' },
  { id: 'ZencoderAI.zencoder', name: 'Zencoder', vendor: 'Zencoder' },
];

/**
 * VS Code's own AI features (chat, inline chat, agent mode, next edit suggestions), present unless
 * `chat.disableAIFeatures` is true. They are powered by GitHub Copilot, so a policy covers them
 * through a tool that lists `GitHub.copilot-chat`.
 */
export const BUILTIN_AI_FEATURES = {
  id: 'vscode.builtin-ai-features',
  name: 'Built-in Copilot Chat / AI features',
  vendor: 'Microsoft / GitHub',
  setting: BUILTIN_AI_FEATURES_SETTING,
  /** Policy `extensionIds` that cover the built-in features. */
  coveredBy: ['GitHub.copilot-chat'],
} as const;

const byLowerCaseId = new Map(AI_EXTENSION_CATALOGUE.map((entry) => [entry.id.toLowerCase(), entry]));

export function findAiExtension(extensionId: string): AiExtensionInfo | undefined {
  return byLowerCaseId.get(extensionId.toLowerCase());
}

// The third-party and AI sink catalogue, as data: for each vendor its policy id, kind, the
// modules that identify it, and the calls that send data to it. Vendors are identified through
// imports and client construction (vendor-sinks.ts), never through variable names alone.

export type VendorKind = 'observability' | 'analytics' | 'messaging' | 'ai';

export interface VendorEntry {
  /** Matches `vendors[].id` in phi-guard.json. */
  id: string;
  name: string;
  kind: VendorKind;
  /** Module names (Python dotted or npm) that identify the vendor; a prefix followed by `.` or `/` matches too. */
  modules: string[];
  /** Methods or functions that send data to the vendor. */
  sends: string[];
}

export const VENDORS: VendorEntry[] = [
  // AI providers
  { id: 'openai', name: 'OpenAI', kind: 'ai', modules: ['openai', 'langchain_openai', '@langchain/openai', '@ai-sdk/openai', 'llama_index.llms.openai', 'llama_index.embeddings.openai'], sends: ['create', 'stream', 'parse', 'invoke', 'ainvoke', 'predict', 'apredict', 'batch', 'abatch', 'astream', 'complete', 'acomplete', 'chat', 'achat', 'stream_complete', 'stream_chat', 'embed_query', 'embed_documents', 'embedQuery', 'embedDocuments', 'get_text_embedding', 'run', 'call', 'generate'] },
  { id: 'azure-openai', name: 'Azure OpenAI', kind: 'ai', modules: ['@azure/openai', '@ai-sdk/azure', 'llama_index.llms.azure_openai'], sends: ['create', 'stream', 'parse', 'invoke', 'ainvoke', 'predict', 'batch', 'astream', 'complete', 'chat', 'getChatCompletions', 'getCompletions', 'streamChatCompletions', 'embed_query', 'embedQuery'] },
  { id: 'anthropic', name: 'Anthropic', kind: 'ai', modules: ['anthropic', '@anthropic-ai/sdk', 'langchain_anthropic', '@langchain/anthropic', '@ai-sdk/anthropic', 'llama_index.llms.anthropic'], sends: ['create', 'stream', 'count_tokens', 'countTokens', 'invoke', 'ainvoke', 'predict', 'batch', 'astream', 'complete', 'chat', 'achat', 'acomplete'] },
  { id: 'google', name: 'Google Gemini / Vertex AI', kind: 'ai', modules: ['google.generativeai', 'google.genai', 'vertexai', 'google.cloud.aiplatform', '@google/generative-ai', '@google/genai', '@google-cloud/vertexai', 'langchain_google_genai', 'langchain_google_vertexai', '@langchain/google-genai', '@langchain/google-vertexai', '@ai-sdk/google', '@ai-sdk/google-vertex', 'llama_index.llms.gemini', 'llama_index.llms.vertex'], sends: ['generate_content', 'generateContent', 'generate_content_stream', 'generateContentStream', 'send_message', 'sendMessage', 'send_message_stream', 'sendMessageStream', 'embed_content', 'embedContent', 'count_tokens', 'countTokens', 'predict', 'invoke', 'ainvoke', 'batch', 'astream', 'complete', 'chat'] },
  { id: 'cohere', name: 'Cohere', kind: 'ai', modules: ['cohere', 'cohere-ai', 'langchain_cohere', '@langchain/cohere', '@ai-sdk/cohere'], sends: ['chat', 'chat_stream', 'chatStream', 'generate', 'embed', 'rerank', 'classify', 'summarize', 'invoke', 'ainvoke'] },
  { id: 'mistral', name: 'Mistral AI', kind: 'ai', modules: ['mistralai', '@mistralai/mistralai', 'langchain_mistralai', '@langchain/mistralai', '@ai-sdk/mistral'], sends: ['complete', 'stream', 'chat', 'create', 'invoke', 'ainvoke', 'complete_async', 'stream_async'] },
  { id: 'aws-bedrock', name: 'AWS Bedrock', kind: 'ai', modules: ['@aws-sdk/client-bedrock-runtime', 'langchain_aws', '@langchain/aws', '@ai-sdk/amazon-bedrock', 'llama_index.llms.bedrock'], sends: ['invoke_model', 'invoke_model_with_response_stream', 'converse', 'converse_stream', 'send', 'invoke', 'ainvoke', 'complete', 'chat'] },
  { id: 'langchain', name: 'LangChain (model provider not identified)', kind: 'ai', modules: ['langchain', 'langchain_core', 'langchain_community', '@langchain/core', '@langchain/community'], sends: ['invoke', 'ainvoke', 'predict', 'apredict', 'run', 'arun', 'stream', 'astream', 'batch', 'abatch', 'call', 'generate', 'agenerate', 'predict_messages'] },
  { id: 'llamaindex', name: 'LlamaIndex (model provider not identified)', kind: 'ai', modules: ['llama_index', 'llamaindex'], sends: ['query', 'aquery', 'complete', 'acomplete', 'chat', 'achat', 'stream_chat', 'stream_complete'] },
  { id: 'vercel-ai', name: 'Vercel AI SDK (model provider not identified)', kind: 'ai', modules: ['ai'], sends: ['generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany'] },

  // Observability
  { id: 'sentry', name: 'Sentry', kind: 'observability', modules: ['sentry_sdk', '@sentry/node', '@sentry/browser', '@sentry/react', '@sentry/nextjs', '@sentry/vue', '@sentry/angular', '@sentry/serverless', '@sentry/bun', '@sentry/deno', '@sentry/core'], sends: ['capture_message', 'capture_exception', 'capture_event', 'set_user', 'set_context', 'set_tag', 'set_tags', 'set_extra', 'add_breadcrumb', 'captureMessage', 'captureException', 'captureEvent', 'setUser', 'setContext', 'setTag', 'setTags', 'setExtra', 'setExtras', 'addBreadcrumb'] },
  { id: 'datadog', name: 'Datadog', kind: 'observability', modules: ['ddtrace', 'datadog', 'datadog_api_client', 'dd-trace', '@datadog/browser-rum', '@datadog/browser-logs', 'hot-shots', '@datadog/datadog-api-client'], sends: ['set_tag', 'set_tags', 'set_metric', 'setTag', 'addTags', 'addAction', 'setUser', 'setUserProperty', 'addError', 'setGlobalContextProperty', 'increment', 'decrement', 'gauge', 'histogram', 'distribution', 'timing', 'event', 'create', 'info', 'warn', 'error', 'debug', 'send_event', 'submit_log'] },
  { id: 'newrelic', name: 'New Relic', kind: 'observability', modules: ['newrelic', 'newrelic.agent', '@newrelic/browser-agent'], sends: ['add_custom_attribute', 'add_custom_attributes', 'record_custom_event', 'notice_error', 'addCustomAttribute', 'addCustomAttributes', 'recordCustomEvent', 'noticeError', 'setCustomAttribute', 'setUserId', 'addPageAction', 'record_log_event', 'recordLogEvent'] },
  { id: 'rollbar', name: 'Rollbar', kind: 'observability', modules: ['rollbar'], sends: ['report_message', 'report_exc_info', 'error', 'info', 'warning', 'warn', 'critical', 'log', 'debug', 'configure'] },
  { id: 'bugsnag', name: 'Bugsnag', kind: 'observability', modules: ['bugsnag', '@bugsnag/js', '@bugsnag/node', '@bugsnag/browser', '@bugsnag/react'], sends: ['notify', 'leave_breadcrumb', 'leaveBreadcrumb', 'setUser', 'addMetadata', 'add_metadata_tab', 'configure_request'] },
  { id: 'honeybadger', name: 'Honeybadger', kind: 'observability', modules: ['honeybadger', '@honeybadger-io/js', '@honeybadger-io/react'], sends: ['notify', 'set_context', 'setContext', 'addBreadcrumb', 'add_breadcrumb'] },

  // Analytics
  { id: 'segment', name: 'Segment', kind: 'analytics', modules: ['segment.analytics', 'analytics', '@segment/analytics-node', '@segment/analytics-next', 'analytics-node'], sends: ['identify', 'track', 'page', 'screen', 'group', 'alias'] },
  { id: 'mixpanel', name: 'Mixpanel', kind: 'analytics', modules: ['mixpanel', 'mixpanel-browser'], sends: ['track', 'identify', 'set', 'set_once', 'people_set', 'people_set_once', 'register', 'alias', 'track_charge', 'people_append'] },
  { id: 'amplitude', name: 'Amplitude', kind: 'analytics', modules: ['amplitude', '@amplitude/analytics-browser', '@amplitude/analytics-node', 'amplitude-js', '@amplitude/analytics-react-native'], sends: ['track', 'identify', 'logEvent', 'setUserProperties', 'setUserId', 'set_user_id', 'set'] },
  { id: 'posthog', name: 'PostHog', kind: 'analytics', modules: ['posthog', 'posthog-node', 'posthog-js'], sends: ['capture', 'identify', 'set', 'alias', 'group_identify', 'groupIdentify', 'register', 'setPersonProperties'] },
  { id: 'google-analytics', name: 'Google Analytics', kind: 'analytics', modules: ['react-ga', 'react-ga4', 'universal-analytics', 'ga-4-react', '@analytics/google-analytics'], sends: ['event', 'send', 'set', 'gtag', 'pageview'] },

  // Messaging
  { id: 'slack', name: 'Slack', kind: 'messaging', modules: ['slack_sdk', 'slack', '@slack/web-api', '@slack/webhook', '@slack/bolt'], sends: ['chat_postMessage', 'chat_postEphemeral', 'chat_update', 'chat_scheduleMessage', 'files_upload', 'files_upload_v2', 'postMessage', 'postEphemeral', 'scheduleMessage', 'update', 'send', 'uploadV2'] },
  { id: 'twilio', name: 'Twilio', kind: 'messaging', modules: ['twilio', 'twilio.rest'], sends: ['create', 'send'] },
  { id: 'sendgrid', name: 'SendGrid', kind: 'messaging', modules: ['sendgrid', '@sendgrid/mail', '@sendgrid/client'], sends: ['send', 'sendMultiple', 'send_multiple', 'Mail', 'request'] },
];

/** Client classes that select a more specific vendor than their module (`AzureOpenAI` in `openai`). */
export const CLIENT_CLASS_VENDORS: Record<string, string> = {
  AzureOpenAI: 'azure-openai',
  AsyncAzureOpenAI: 'azure-openai',
  AzureChatOpenAI: 'azure-openai',
  AzureOpenAIEmbeddings: 'azure-openai',
  OpenAIClient: 'azure-openai',
  ChatOpenAI: 'openai',
  OpenAIEmbeddings: 'openai',
  ChatAnthropic: 'anthropic',
  ChatGoogleGenerativeAI: 'google',
  ChatVertexAI: 'google',
  ChatCohere: 'cohere',
  ChatMistralAI: 'mistral',
  ChatBedrock: 'aws-bedrock',
  ChatBedrockConverse: 'aws-bedrock',
  BedrockChat: 'aws-bedrock',
};

/** Keyword / property names under which a client's endpoint is configured. */
export const ENDPOINT_ARGUMENTS = ['base_url', 'azure_endpoint', 'baseURL', 'endpoint', 'api_base', 'baseUrl', 'endpoint_url'];

/** Keyword / property names that name the model of an AI call. */
export const MODEL_ARGUMENTS = ['model', 'model_id', 'modelId', 'model_name', 'modelName', 'deployment', 'deployment_name', 'azure_deployment'];

export function vendorById(id: string): VendorEntry | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

/** Every method or function name that sends data to some vendor: a cheap first filter. */
export const ALL_SENDING_NAMES: ReadonlySet<string> = new Set([...VENDORS.flatMap((vendor) => vendor.sends), 'gtag']);

const vendorByModule = new Map<string, VendorEntry | undefined>();

/** The vendor a module identifies, the longest matching module name winning. */
export function vendorForModule(module: string): VendorEntry | undefined {
  if (!vendorByModule.has(module)) vendorByModule.set(module, findVendorForModule(module));
  return vendorByModule.get(module);
}

function findVendorForModule(module: string): VendorEntry | undefined {
  let best: { vendor: VendorEntry; length: number } | undefined;
  for (const vendor of VENDORS) {
    for (const name of vendor.modules) {
      const matches = module === name || module.startsWith(`${name}.`) || module.startsWith(`${name}/`);
      if (matches && (!best || name.length > best.length)) best = { vendor, length: name.length };
    }
  }
  return best?.vendor;
}

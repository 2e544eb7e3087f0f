// Third-party and AI vendors, as data: one entry per vendor, with its policy id (the `id` of
// `vendors[]` in phi-guard.json), the modules and client classes that identify it, the calls that
// send data to it, and, for AI providers, the shape of their API keys. The sink resolver
// (analysis/sinks/vendor-sinks.ts), the BAA check (analysis/sinks/vendor-coverage.ts) and the key
// detection (analysis/api-keys.ts) read this one table. Vendors are identified through imports,
// client construction and the API hosts plain HTTP requests address, never through variable
// names alone.

export type VendorKind = 'observability' | 'analytics' | 'messaging' | 'ai';

/** How an AI provider's API keys look and are named (hardcoded-ai-key). */
export interface ApiKeyShape {
  /** The environment variable the fix reads the key from. */
  env: string;
  /** The whole literal is a key of this provider (tried in table order: the most specific first). */
  pattern?: RegExp;
  /** Compact lower-case words in client names, env names and option keys (`azureopenai`, `anthropic`); up to three letters match a whole word. */
  words: string[];
  /** How the key's messages name the provider, when not by the vendor's name. */
  label?: string;
}

export interface VendorEntry {
  /** The policy's vendor id: `vendors[].id` in phi-guard.json. */
  id: string;
  name: string;
  kind: VendorKind;
  /** Module names (Python dotted or npm) that identify the vendor; a prefix followed by `.` or `/` matches too. */
  modules: string[];
  /** Methods or functions that send data to the vendor. */
  sends: string[];
  /** Client classes that select this vendor even when imported from another's module (`AzureOpenAI` from `openai`). */
  clients?: string[];
  /** An AI provider's API keys. */
  key?: ApiKeyShape;
  /** A framework in front of providers: a specific provider found next to it wins, and its local classes send nothing. */
  providerNotIdentified?: boolean;
  /** The provider is the call's `model:` argument (`generateText({ model: openai('gpt-4o') })`). */
  providerInModelArgument?: boolean;
  /** A client of `vendor` configured with an endpoint matching `endpoint`, or with one of `arguments`, is this vendor's. */
  refines?: { vendor: string; endpoint: RegExp; arguments: string[] };
  /** Clients made per service by a general SDK (`boto3.client("bedrock-runtime")`); the SDK's other services are no sinks. */
  serviceClients?: { module: string; servicePrefix: string };
  /** General SDKs whose client classes (`clients`) select this vendor: `new AWS.SNS()` of `aws-sdk` v2. */
  umbrellaModules?: string[];
  /** Global functions that send to the vendor when the file does not define them (`gtag`). */
  globalFunctions?: string[];
  /** API hosts: a plain HTTP request to `https://<host>/...` (`fetch`, `axios.post`, `requests.post`) goes to the vendor. */
  hosts?: string[];
  /** The `init` option that makes the SDK send default PII with every event: Python keyword and JS option names. */
  defaultPiiSwitch?: { keyword: string; option: string };
}

export const VENDORS: readonly VendorEntry[] = [
  // AI providers, in the order hardcoded-ai-key tries their key shapes and words: the most specific first
  { id: 'anthropic', name: 'Anthropic', kind: 'ai', modules: ['anthropic', '@anthropic-ai/sdk', 'langchain_anthropic', '@langchain/anthropic', '@ai-sdk/anthropic', 'llama_index.llms.anthropic'], hosts: ['api.anthropic.com'], sends: ['create', 'stream', 'count_tokens', 'countTokens', 'invoke', 'ainvoke', 'predict', 'batch', 'astream', 'complete', 'chat', 'achat', 'acomplete'], clients: ['ChatAnthropic'], key: { env: 'ANTHROPIC_API_KEY', pattern: /^sk-ant-[A-Za-z0-9_-]{20,}$/, words: ['anthropic', 'claude'] } },
  { id: 'openrouter', name: 'OpenRouter', kind: 'ai', modules: [], sends: [], key: { env: 'OPENROUTER_API_KEY', pattern: /^sk-or-v1-[A-Za-z0-9]{20,}$/, words: ['openrouter'] } },
  { id: 'azure-openai', name: 'Azure OpenAI', kind: 'ai', modules: ['@azure/openai', '@ai-sdk/azure', 'llama_index.llms.azure_openai'], sends: ['create', 'stream', 'parse', 'invoke', 'ainvoke', 'predict', 'batch', 'astream', 'complete', 'chat', 'getChatCompletions', 'getCompletions', 'streamChatCompletions', 'embed_query', 'embedQuery'], clients: ['AzureOpenAI', 'AsyncAzureOpenAI', 'AzureChatOpenAI', 'AzureOpenAIEmbeddings', 'OpenAIClient'], key: { env: 'AZURE_OPENAI_API_KEY', words: ['azureopenai', 'azurechatopenai', 'azurekeycredential', 'createazure', 'azureai'] }, refines: { vendor: 'openai', endpoint: /azure/i, arguments: ['azure_endpoint', 'azure_deployment'] } },
  { id: 'aws-bedrock', name: 'AWS Bedrock', kind: 'ai', modules: ['@aws-sdk/client-bedrock-runtime', 'langchain_aws', '@langchain/aws', '@ai-sdk/amazon-bedrock', 'llama_index.llms.bedrock'], sends: ['invoke_model', 'invoke_model_with_response_stream', 'converse', 'converse_stream', 'send', 'invoke', 'ainvoke', 'complete', 'chat'], clients: ['ChatBedrock', 'ChatBedrockConverse', 'BedrockChat'], key: { env: 'AWS_ACCESS_KEY_ID', words: ['bedrock'] }, serviceClients: { module: 'boto3', servicePrefix: 'bedrock' } },
  { id: 'openai', name: 'OpenAI', kind: 'ai', modules: ['openai', 'langchain_openai', '@langchain/openai', '@ai-sdk/openai', 'llama_index.llms.openai', 'llama_index.embeddings.openai'], hosts: ['api.openai.com'], sends: ['create', 'stream', 'parse', 'invoke', 'ainvoke', 'predict', 'apredict', 'batch', 'abatch', 'astream', 'complete', 'acomplete', 'chat', 'achat', 'stream_complete', 'stream_chat', 'embed_query', 'embed_documents', 'embedQuery', 'embedDocuments', 'get_text_embedding', 'run', 'call', 'generate', 'createChatCompletion', 'createCompletion', 'createEmbedding'], clients: ['ChatOpenAI', 'OpenAIEmbeddings'], key: { env: 'OPENAI_API_KEY', pattern: /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$/, words: ['openai', 'chatgpt', 'gpt'] } },
  { id: 'google', name: 'Google Gemini / Vertex AI', kind: 'ai', modules: ['google.generativeai', 'google.genai', 'vertexai', 'google.cloud.aiplatform', '@google/generative-ai', '@google/genai', '@google-cloud/vertexai', 'langchain_google_genai', 'langchain_google_vertexai', '@langchain/google-genai', '@langchain/google-vertexai', '@ai-sdk/google', '@ai-sdk/google-vertex', 'llama_index.llms.gemini', 'llama_index.llms.vertex'], hosts: ['generativelanguage.googleapis.com'], sends: ['generate_content', 'generateContent', 'generate_content_stream', 'generateContentStream', 'send_message', 'sendMessage', 'send_message_stream', 'sendMessageStream', 'embed_content', 'embedContent', 'count_tokens', 'countTokens', 'predict', 'invoke', 'ainvoke', 'batch', 'astream', 'complete', 'chat'], clients: ['ChatGoogleGenerativeAI', 'ChatVertexAI'], key: { label: 'Google AI', env: 'GOOGLE_API_KEY', pattern: /^AIza[0-9A-Za-z_-]{30,}$/, words: ['gemini', 'googlegenerativeai', 'googlegenai', 'generativeai', 'genai', 'vertexai', 'palm'] } },
  { id: 'groq', name: 'Groq', kind: 'ai', modules: [], sends: [], key: { env: 'GROQ_API_KEY', pattern: /^gsk_[A-Za-z0-9]{30,}$/, words: ['groq'] } },
  { id: 'huggingface', name: 'Hugging Face', kind: 'ai', modules: [], sends: [], key: { env: 'HF_TOKEN', pattern: /^hf_[A-Za-z0-9]{30,}$/, words: ['huggingface', 'inferenceclient', 'hfinference', 'hfapi', 'hftoken'] } },
  { id: 'replicate', name: 'Replicate', kind: 'ai', modules: [], sends: [], key: { env: 'REPLICATE_API_TOKEN', pattern: /^r8_[A-Za-z0-9]{30,}$/, words: ['replicate'] } },
  { id: 'xai', name: 'xAI', kind: 'ai', modules: [], sends: [], key: { env: 'XAI_API_KEY', pattern: /^xai-[A-Za-z0-9]{30,}$/, words: ['xai', 'grok'] } },
  { id: 'perplexity', name: 'Perplexity', kind: 'ai', modules: [], sends: [], key: { env: 'PERPLEXITY_API_KEY', pattern: /^pplx-[A-Za-z0-9]{30,}$/, words: ['perplexity', 'pplx'] } },
  { id: 'fireworks', name: 'Fireworks AI', kind: 'ai', modules: [], sends: [], key: { env: 'FIREWORKS_API_KEY', pattern: /^fw_[A-Za-z0-9]{20,}$/, words: ['fireworks'] } },
  { id: 'langsmith', name: 'LangSmith', kind: 'observability', modules: [], sends: [], key: { env: 'LANGSMITH_API_KEY', pattern: /^lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}$/, words: ['langsmith', 'langchainapikey'] } },
  { id: 'elevenlabs', name: 'ElevenLabs', kind: 'ai', modules: [], sends: [], key: { env: 'ELEVENLABS_API_KEY', pattern: /^sk_[a-f0-9]{48}$/, words: ['elevenlabs'] } },
  { id: 'cohere', name: 'Cohere', kind: 'ai', modules: ['cohere', 'cohere-ai', 'langchain_cohere', '@langchain/cohere', '@ai-sdk/cohere'], hosts: ['api.cohere.ai', 'api.cohere.com'], sends: ['chat', 'chat_stream', 'chatStream', 'generate', 'embed', 'rerank', 'classify', 'summarize', 'invoke', 'ainvoke'], clients: ['ChatCohere'], key: { env: 'CO_API_KEY', words: ['cohere'] } },
  { id: 'mistral', name: 'Mistral AI', kind: 'ai', modules: ['mistralai', '@mistralai/mistralai', 'langchain_mistralai', '@langchain/mistralai', '@ai-sdk/mistral'], hosts: ['api.mistral.ai'], sends: ['complete', 'stream', 'chat', 'create', 'invoke', 'ainvoke', 'complete_async', 'stream_async'], clients: ['ChatMistralAI'], key: { label: 'Mistral', env: 'MISTRAL_API_KEY', words: ['mistral'] } },
  { id: 'together', name: 'Together AI', kind: 'ai', modules: [], sends: [], key: { env: 'TOGETHER_API_KEY', words: ['together'] } },
  { id: 'deepseek', name: 'DeepSeek', kind: 'ai', modules: [], sends: [], key: { env: 'DEEPSEEK_API_KEY', words: ['deepseek'] } },
  { id: 'voyage', name: 'Voyage AI', kind: 'ai', modules: [], sends: [], key: { env: 'VOYAGE_API_KEY', words: ['voyage'] } },
  { id: 'ai21', name: 'AI21', kind: 'ai', modules: [], sends: [], key: { env: 'AI21_API_KEY', words: ['ai21'] } },

  // AI frameworks: calls through them reach a provider that may not be identified
  { id: 'langchain', name: 'LangChain (model provider not identified)', kind: 'ai', modules: ['langchain', 'langchain_core', 'langchain_community', '@langchain/core', '@langchain/community'], sends: ['invoke', 'ainvoke', 'predict', 'apredict', 'run', 'arun', 'stream', 'astream', 'batch', 'abatch', 'call', 'generate', 'agenerate', 'predict_messages'], providerNotIdentified: true },
  { id: 'llamaindex', name: 'LlamaIndex (model provider not identified)', kind: 'ai', modules: ['llama_index', 'llamaindex'], sends: ['query', 'aquery', 'complete', 'acomplete', 'chat', 'achat', 'stream_chat', 'stream_complete'], providerNotIdentified: true },
  { id: 'vercel-ai', name: 'Vercel AI SDK (model provider not identified)', kind: 'ai', modules: ['ai'], sends: ['generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany'], providerNotIdentified: true, providerInModelArgument: true },

  // Observability
  { id: 'sentry', name: 'Sentry', kind: 'observability', modules: ['sentry_sdk', '@sentry/node', '@sentry/browser', '@sentry/react', '@sentry/nextjs', '@sentry/vue', '@sentry/angular', '@sentry/serverless', '@sentry/bun', '@sentry/deno', '@sentry/core'], sends: ['capture_message', 'capture_exception', 'capture_event', 'set_user', 'set_context', 'set_tag', 'set_tags', 'set_extra', 'add_breadcrumb', 'captureMessage', 'captureException', 'captureEvent', 'setUser', 'setContext', 'setTag', 'setTags', 'setExtra', 'setExtras', 'addBreadcrumb'], defaultPiiSwitch: { keyword: 'send_default_pii', option: 'sendDefaultPii' } },
  { id: 'datadog', name: 'Datadog', kind: 'observability', modules: ['ddtrace', 'datadog', 'datadog_api_client', 'dd-trace', '@datadog/browser-rum', '@datadog/browser-logs', 'hot-shots', '@datadog/datadog-api-client'], sends: ['set_tag', 'set_tags', 'set_metric', 'setTag', 'addTags', 'addAction', 'setUser', 'setUserProperty', 'addError', 'setGlobalContextProperty', 'increment', 'decrement', 'gauge', 'histogram', 'distribution', 'timing', 'event', 'create', 'info', 'warn', 'error', 'debug', 'send_event', 'submit_log'] },
  { id: 'newrelic', name: 'New Relic', kind: 'observability', modules: ['newrelic', 'newrelic.agent', '@newrelic/browser-agent'], sends: ['add_custom_attribute', 'add_custom_attributes', 'record_custom_event', 'notice_error', 'addCustomAttribute', 'addCustomAttributes', 'recordCustomEvent', 'noticeError', 'setCustomAttribute', 'setUserId', 'addPageAction', 'record_log_event', 'recordLogEvent'] },
  { id: 'rollbar', name: 'Rollbar', kind: 'observability', modules: ['rollbar'], sends: ['report_message', 'report_exc_info', 'error', 'info', 'warning', 'warn', 'critical', 'log', 'debug', 'configure'] },
  { id: 'bugsnag', name: 'Bugsnag', kind: 'observability', modules: ['bugsnag', '@bugsnag/js', '@bugsnag/node', '@bugsnag/browser', '@bugsnag/react'], sends: ['notify', 'leave_breadcrumb', 'leaveBreadcrumb', 'setUser', 'addMetadata', 'add_metadata_tab', 'configure_request'] },
  { id: 'honeybadger', name: 'Honeybadger', kind: 'observability', modules: ['honeybadger', '@honeybadger-io/js', '@honeybadger-io/react'], sends: ['notify', 'set_context', 'setContext', 'addBreadcrumb', 'add_breadcrumb'] },

  // Analytics
  { id: 'segment', name: 'Segment', kind: 'analytics', modules: ['segment.analytics', 'analytics', '@segment/analytics-node', '@segment/analytics-next', 'analytics-node'], hosts: ['api.segment.io'], sends: ['identify', 'track', 'page', 'screen', 'group', 'alias'] },
  { id: 'mixpanel', name: 'Mixpanel', kind: 'analytics', modules: ['mixpanel', 'mixpanel-browser'], hosts: ['api.mixpanel.com'], sends: ['track', 'identify', 'set', 'set_once', 'people_set', 'people_set_once', 'register', 'alias', 'track_charge', 'people_append'] },
  { id: 'amplitude', name: 'Amplitude', kind: 'analytics', modules: ['amplitude', '@amplitude/analytics-browser', '@amplitude/analytics-node', 'amplitude-js', '@amplitude/analytics-react-native'], sends: ['track', 'identify', 'logEvent', 'setUserProperties', 'setUserId', 'set_user_id', 'set'] },
  { id: 'posthog', name: 'PostHog', kind: 'analytics', modules: ['posthog', 'posthog-node', 'posthog-js'], sends: ['capture', 'identify', 'set', 'alias', 'group_identify', 'groupIdentify', 'register', 'setPersonProperties'] },
  { id: 'google-analytics', name: 'Google Analytics', kind: 'analytics', modules: ['react-ga', 'react-ga4', 'universal-analytics', 'ga-4-react', '@analytics/google-analytics'], sends: ['event', 'send', 'set', 'gtag', 'pageview'], globalFunctions: ['gtag'] },

  // Messaging
  { id: 'slack', name: 'Slack', kind: 'messaging', modules: ['slack_sdk', 'slack', '@slack/web-api', '@slack/webhook', '@slack/bolt'], hosts: ['hooks.slack.com', 'slack.com'], sends: ['chat_postMessage', 'chat_postEphemeral', 'chat_update', 'chat_scheduleMessage', 'files_upload', 'files_upload_v2', 'postMessage', 'postEphemeral', 'scheduleMessage', 'update', 'send', 'uploadV2'] },
  { id: 'twilio', name: 'Twilio', kind: 'messaging', modules: ['twilio', 'twilio.rest'], hosts: ['api.twilio.com'], sends: ['create', 'send'] },
  { id: 'sendgrid', name: 'SendGrid', kind: 'messaging', modules: ['sendgrid', '@sendgrid/mail', '@sendgrid/client'], hosts: ['api.sendgrid.com'], sends: ['send', 'sendMultiple', 'send_multiple', 'Mail', 'request'] },
  // Push notifications and AWS messaging: a notification's title and body leave for the vendor (and the device's lock screen).
  { id: 'firebase-messaging', name: 'Firebase Cloud Messaging', kind: 'messaging', modules: ['firebase-admin', 'firebase-admin/messaging', 'firebase_admin', 'firebase_admin.messaging'], sends: ['send', 'sendEach', 'sendEachForMulticast', 'sendMulticast', 'sendAll', 'sendToDevice', 'sendToTopic', 'sendToCondition', 'send_each', 'send_each_for_multicast', 'send_multicast', 'send_all'] },
  { id: 'aws-sns', name: 'AWS SNS', kind: 'messaging', modules: ['@aws-sdk/client-sns'], sends: ['publish', 'publishBatch', 'publish_batch', 'send'], clients: ['SNS', 'SNSClient'], serviceClients: { module: 'boto3', servicePrefix: 'sns' }, umbrellaModules: ['aws-sdk'] },
  { id: 'aws-ses', name: 'AWS SES', kind: 'messaging', modules: ['@aws-sdk/client-ses', '@aws-sdk/client-sesv2'], sends: ['sendEmail', 'sendRawEmail', 'sendTemplatedEmail', 'sendBulkTemplatedEmail', 'send_email', 'send_raw_email', 'send_templated_email', 'send_bulk_templated_email', 'send_bulk_email', 'send'], clients: ['SES', 'SESClient', 'SESv2', 'SESv2Client'], serviceClients: { module: 'boto3', servicePrefix: 'ses' }, umbrellaModules: ['aws-sdk'] },
  { id: 'web-push', name: 'Web Push', kind: 'messaging', modules: ['web-push', 'pywebpush'], sends: ['sendNotification', 'webpush'] },
];

/** Keyword / property names under which a client's endpoint is configured. */
export const ENDPOINT_ARGUMENTS = ['base_url', 'azure_endpoint', 'baseURL', 'endpoint', 'api_base', 'baseUrl', 'endpoint_url'];

/** Keyword / property names that name the model of an AI call. */
export const MODEL_ARGUMENTS = ['model', 'model_id', 'modelId', 'model_name', 'modelName', 'deployment', 'deployment_name', 'azure_deployment'];

export function vendorById(id: string): VendorEntry | undefined {
  return VENDORS.find((vendor) => vendor.id === id);
}

/** The vendor a client class selects (`AzureChatOpenAI` -> azure-openai). */
export const VENDOR_BY_CLIENT_CLASS: ReadonlyMap<string, VendorEntry> = new Map(VENDORS.flatMap((vendor) => (vendor.clients ?? []).map((name) => [name, vendor] as const)));

/** Every method or function name that sends data to some vendor: a cheap first filter. */
export const ALL_SENDING_NAMES: ReadonlySet<string> = new Set(VENDORS.flatMap((vendor) => [...vendor.sends, ...(vendor.globalFunctions ?? [])]));

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

/** The vendor whose API a URL addresses (`https://api.sendgrid.com/v3/mail/send`), by its host. */
export function vendorForUrl(url: string): VendorEntry | undefined {
  const host = /^https?:\/\/([^/:?#\s]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host) return undefined;
  return VENDORS.find((vendor) => vendor.hosts?.some((known) => host === known || host.endsWith(`.${known}`)));
}

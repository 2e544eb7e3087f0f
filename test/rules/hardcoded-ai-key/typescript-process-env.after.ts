const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

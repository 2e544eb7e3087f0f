const h = { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` };

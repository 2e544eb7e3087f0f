process.env.OPENAI_API_KEY = 'sk-proj-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0';  // expect: hardcoded-ai-key
main();

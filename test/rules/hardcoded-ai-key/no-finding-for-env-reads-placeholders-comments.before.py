import os
a = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
b = OpenAI(api_key="sk-...")
c = OpenAI(api_key="your-api-key")
d = OpenAI(api_key="<OPENAI_API_KEY>")
e = OpenAI(api_key="")
f = OpenAI(api_key="sk-fake-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4")
g = OpenAI(api_key="sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
# OpenAI(api_key="sk-proj-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0")
"""Example: OpenAI(api_key="sk-proj-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0")"""

import os
GEMINI_API_KEY = os.environ["GEMINI_API_KEY"]

import os

# A dev helper signing in through Firebase Auth: the fallback is the Firebase web key, no AI key.
FIREBASE_API_KEY = os.getenv("FIREBASE_WEB_API_KEY") or "AIzaAFbVV6q9rXxtNDFyuzX9k1gnneGEYG1_Lwi"

# The same shape named for Gemini is an AI key.
GEMINI_API_KEY = os.environ["GEMINI_API_KEY"]

import os
GEMINI_API_KEY = "AIzaSyB8k3Lm9Qw2Zx7Vn4Rt6Yh1Jd5Fs0Gc3Pa"  # expect: hardcoded-ai-key

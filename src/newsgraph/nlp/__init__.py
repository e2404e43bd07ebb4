"""NLP: spaCy pipeline components over one `Doc`, and the analyzer that turns docs into records."""

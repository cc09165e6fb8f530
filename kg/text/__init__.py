"""Text handling for Chinese: normalisation, sentences, dates."""

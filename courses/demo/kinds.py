"""Question kinds, short, for the content files. A question is
``(kind, prompt, [(answer, correct, feedback), ...])``."""

S, M, TF = "single", "multiple", "true_false"

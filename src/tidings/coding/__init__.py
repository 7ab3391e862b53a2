"""Event coding: the CAMEO codebook, the lexicon and the coder component."""

from tidings.coding.codebook import Code, codebook, intent_code
from tidings.coding.engine import Coder
from tidings.coding.lexicon import Lexicon, Pattern, load_lexicon

__all__ = ["Code", "Coder", "Lexicon", "Pattern", "codebook", "intent_code", "load_lexicon"]

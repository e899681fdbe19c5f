"""What is extracted from an article in a language our model does not read: its times, amounts
and quotes, each by the rules of its own language, never by the English ones.

One function, `extract_local`, that the extract stage calls for such an article.
"""

from __future__ import annotations

from dateline.extract.foreign_quotes import find_foreign_quotes
from dateline.extract.localamounts import find_local_amounts
from dateline.extract.localtimes import find_local_times
from dateline.model import Article

__all__ = ["extract_local"]


def extract_local(article: Article) -> Article:
    """Times, amounts and quotes of a non-English article, by its language's rules."""
    article.times = find_local_times(article.text, article.published, article.language)
    article.amounts = find_local_amounts(article.text, article.language)
    article.quotes = find_foreign_quotes(article.text, article.language)
    return article

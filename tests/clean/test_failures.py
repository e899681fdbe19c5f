import pytest

from dateline.clean import clean_record
from dateline.clean.failures import scraper_failure
from dateline.model import RawRecord, Rejected, Source

CONSENT = [
    "We value your privacy.",
    "We and our partners use cookies to store and/or access information on a device. "
    "We and our partners use data for personalised ads and content, ad and content measurement.",
    "By clicking \"Accept\" you agree to this. You can change your cookie settings at any time.",
    "Accept all cookies",
]
STORY = [
    "The city council voted on Tuesday to close the old bridge to lorries from March, after "
    "engineers found cracks in two of its piers during an inspection in the autumn.",
    "The mayor said the council would publish the engineers' report in full next week, and that "
    "buses would keep using the bridge until the repairs begin in the spring.",
]


@pytest.mark.parametrize(
    ("paragraphs", "title", "kind"),
    [
        (CONSENT, None, "consent banner"),
        (["Subscribe now to continue reading.", "Already a subscriber? Sign in to read this story."],
         "Council closes bridge", "paywall"),
        (["Sorry, the page you are looking for does not exist or has been moved."], "Page not found",
         "page not found"),
        (["Please enable JavaScript to view this page.", "Your browser does not support this site."],
         None, "javascript required"),
    ],
)
def test_failure_pages_are_known_by_kind(paragraphs: list[str], title: str | None, kind: str):
    assert scraper_failure(paragraphs, title) == kind


def test_a_story_that_mentions_cookies_and_a_paywall_is_a_story():
    text = STORY + ["Residents can read the report for free; the Gazette's paywall does not apply to it, "
                    "and the council's website says it uses cookies only to count visits."]
    assert scraper_failure(text) is None


def test_clean_rejects_a_banner_with_its_own_reason():
    raw = RawRecord(Source("t", 0, "jsonl"), text="\n\n".join(CONSENT), title="Bridge to close")
    with pytest.raises(Rejected) as exc:
        clean_record(raw)
    assert (exc.value.reason, exc.value.detail) == ("not_an_article", "consent banner")
    assert str(exc.value) == "not_an_article: consent banner"

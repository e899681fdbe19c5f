from dateline.extract.quotes.direct import _modifier


def _check(text: str) -> bool:
    start = text.index('"') + 1
    end = text.index('"', start)
    return _modifier(text[start:end], text, end + 1)


def test_a_quoted_word_the_sentence_runs_on_after_is_a_modifier() -> None:
    assert _check('The minister was urging "comprehensive" negotiations with the unions.')
    assert _check('She called the plan "deeply reckless" and vowed to block it.')


def test_short_utterances_set_off_as_speech_are_not_modifiers() -> None:
    assert not _check('"No," she said when asked about the merger.')
    assert not _check('"Never" she said, shaking her head.')
    assert not _check('Asked about the merger, the chairman said "absolutely not".')
    assert not _check('"We will not give up on this town," the mayor said.')

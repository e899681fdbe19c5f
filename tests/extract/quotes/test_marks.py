from dateline.extract.quotes.marks import _inside_clause, quote_spans


def test_quote_spans_straight_curly_and_across_paragraphs() -> None:
    text = '“We will win,” she said. He said "no".\n\n"First part.\n\n"Second part," he added.'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["We will win,", "no", 'First part.\n\n"Second part,']


def test_two_apostrophes_as_quotation_marks() -> None:
    text = "''We will rebuild,'' the mayor said. ``Soon,'' she added. The voters' choice."
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will rebuild,", "Soon,"]


def test_unclosed_quote_is_not_a_span() -> None:
    assert quote_spans('He said "yes and left.\n\nThen nothing.') == []


def test_quote_inside_a_clause_is_not_direct() -> None:
    def opens(text: str, quoted: str) -> bool:
        return _inside_clause(text, text.index(quoted))

    assert opens('She called the plan "a disgrace to the city."', "a disgrace")
    assert opens("He told reporters that ''the vote was rigged from the start.''", "the vote")
    # A speech verb, a colon or comma, a new paragraph, a headline: the quote is direct.
    assert not opens('The mayor says "we will rebuild every home."', "we will")
    assert not opens('The mayor said: "We will rebuild."', "We will")
    assert not opens('He paused.\n\n"We will rebuild," he said.', "We will")
    assert not opens('Marta Ruiz\n\n"We will rebuild," he said.', "We will")
    assert not opens('FLOODS HIT THE COAST "We will rebuild," the mayor said.', "We will")
    # The closing mark of an earlier quote is no word: `''Meet the Press.'' ''She lies``.
    assert not opens("he said on ''Meet the Press.'' ''She lies,'' he said.", "She lies")


def test_a_dash_credit_ends_with_its_line() -> None:
    from dateline.extract.quotes.marks import DASH_CREDIT

    text = '"Build the bridge first." \u2015 Rosa Delgado.\n\nPhoto/Archive'
    m = DASH_CREDIT.match(text, text.index("\u2015") - 1)
    assert m is not None and m.group("name") == "Rosa Delgado."

"""core/text.py: lists joined as each language joins them."""

from django.utils import translation

from core.text import join_list


def test_english_joins_with_commas_and_and():
    with translation.override("en"):
        assert join_list(["Arabic", "French", "Spanish"]) == "Arabic, French and Spanish"


def test_arabic_and_persian_use_their_own_comma_never_a_latin_one():
    arabic = join_list(["العربية", "الفرنسية", "الإسبانية"], language="ar")
    persian = join_list(["عربی", "فرانسوی", "اسپانیایی"], language="fa")
    assert "," not in arabic and "،" in persian and "," not in persian
    assert arabic == "العربية والفرنسية والإسبانية"


def test_one_item_or_none_is_itself_or_empty():
    assert (join_list(["Arabic"]), join_list([]), join_list(["", "x"])) == ("Arabic", "", "x")


def test_serbian_latin_is_understood():
    assert join_list(["a", "b", "c"], language="sr-latn") == "a, b i c"

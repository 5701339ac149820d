from __future__ import annotations

from datetime import date

import pytest

from kgbuild.extract.timex import resolve

PUB = date(2024, 8, 16)  # a Friday


@pytest.mark.parametrize(("text", "expected"), [
    ("22 August", ("2024-08-22", None, None)),
    ("August 22, 2023", ("2023-08-22", None, None)),
    ("in 2014", (None, "2014-01-01", "2014-12-31")),
    ("March 2020", (None, "2020-03-01", "2020-03-31")),
    ("last week", (None, "2024-08-05", "2024-08-11")),
    ("this month", (None, "2024-08-01", "2024-08-31")),
    ("yesterday", ("2024-08-15", None, None)),
    ("on Monday", ("2024-08-12", None, None)),
    ("the past two months", (None, "2024-06-16", "2024-08-16")),
    ("more than a year", (None, "2023-08-16", "2024-08-16")),
])
def test_resolve(text, expected):
    assert resolve(text, PUB) == expected


def test_day_month_far_after_publication_is_last_year():
    assert resolve("December 20", date(2024, 3, 1)) == ("2023-12-20", None, None)


def test_relative_without_anchor_is_unresolved():
    assert resolve("last week", None) == (None, None, None)

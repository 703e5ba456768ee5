"""Links between output files: relative, so the site works under any sub-path and from disk."""

from __future__ import annotations

import pytest

from dossier.render.urls import relative


@pytest.mark.parametrize(
    ("page", "target", "href"),
    [
        ("index.html", "topics/isis.html", "topics/isis.html"),
        ("topics/isis.html", "topics/iraq.html", "iraq.html"),
        ("topics/isis.html", "index.html", "../index.html"),
        ("articles/a.html", "topics/isis.html#s3", "../topics/isis.html#s3"),
        ("timeline/2024/index.html", "timeline/index.html", "../index.html"),
        ("timeline/2024/index.html", "articles/a.html", "../../articles/a.html"),
        ("articles/a.html", "articles/عنوان.html", "%D8%B9%D9%86%D9%88%D8%A7%D9%86.html"),
        ("articles/a.html", "articles/a.html#top", "a.html#top"),
    ],
)
def test_a_link_goes_up_to_the_common_folder_and_down(page: str, target: str, href: str) -> None:
    assert relative(page, target) == href
    assert relative(page, target) == href  # and the same when it is made again, from the memo

"""A hub password is never shown: whatever it holds and however the connection string is written."""

from __future__ import annotations

import pytest

from kiosk.adapters.hub.connection import HubError, describe, redact, strip_password

CASES = [
    ("postgresql://kiosk:se/cr3t@10.0.0.2:5432/door", "se/cr3t", "postgresql://kiosk:***@10.0.0.2:5432/door"),
    ("postgresql://kiosk:p@ss@10.0.0.2/door", "p@ss", "postgresql://kiosk:***@10.0.0.2/door"),
    ("postgresql://kiosk:a:b:c@10.0.0.2/door", "a:b:c", "postgresql://kiosk:***@10.0.0.2/door"),
    ("postgresql://kiosk:100%25sure@10.0.0.2/door", "100%25sure", "postgresql://kiosk:***@10.0.0.2/door"),
    ("postgresql://kiosk:a%2Fb%40c@10.0.0.2/door?sslmode=require", "a%2Fb%40c",
     "postgresql://kiosk:***@10.0.0.2/door?sslmode=require"),
    ("postgresql://kiosk@10.0.0.2/door?sslmode=require&password=x/y@z:w%",
     "x/y@z:w%", "postgresql://kiosk@10.0.0.2/door?sslmode=require&password=***"),
    ("postgresql://kiosk@10.0.0.2/door?password=s3cr3t&sslmode=require", "s3cr3t",
     "postgresql://kiosk@10.0.0.2/door?password=***&sslmode=require"),
    ("host=10.0.0.2 user=kiosk password=se/cr@t:%x dbname=door", "se/cr@t:%x",
     "host=10.0.0.2 user=kiosk password=*** dbname=door"),
    ("host=10.0.0.2 password='a b\\'c@/:%' dbname=door", "a b", "host=10.0.0.2 password=*** dbname=door"),
    ("postgres://kiosk:se?cr#3t@10.0.0.2/door", "se?cr#3t", "postgres://kiosk:***@10.0.0.2/door"),
]


@pytest.mark.parametrize(("url", "secret", "shown"), CASES)
def test_redact_hides_the_password_whatever_it_holds(url: str, secret: str, shown: str) -> None:
    assert redact(url) == shown
    assert secret not in redact(url)


def test_a_url_without_password_is_shown_as_it_is() -> None:
    for url in ("postgresql://kiosk@10.0.0.2/door", "host=10.0.0.2 dbname=door", "postgresql:///door"):
        assert redact(url) == url


@pytest.mark.parametrize(("url", "secret", "_shown"), CASES)
def test_an_error_echoing_the_connection_string_never_shows_the_password(url: str, secret: str, _shown: str) -> None:
    echoed = Exception(f'invalid connection option "{url}" near {secret} (for {secret.replace("/", "%2F")})')
    line = describe(echoed, url)
    assert secret not in line and secret.replace("/", "%2F") not in line


def test_the_remembered_url_has_no_password_and_a_misread_one_is_refused() -> None:
    kept = strip_password("postgresql://kiosk:a%2Fb%40c@10.0.0.2/door?sslmode=require")
    assert "a/b@c" not in kept and "a%2Fb%40c" not in kept and "10.0.0.2" in kept
    with pytest.raises(HubError) as caught:  # libpq would read "cr3t@10.0.0.2..." as the database
        strip_password("postgresql://kiosk:se/cr3t@10.0.0.2:5432/door")
    assert "se/cr3t" not in str(caught.value) and "percent-encoded" in str(caught.value)

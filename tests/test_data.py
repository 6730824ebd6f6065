"""The package data: the verbatim text and the curated JSON beside it."""

from __future__ import annotations

import hashlib
import json
import sys

import icnk_letter

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:
    from importlib_resources import files

# The SHA-256 of the release as received (seed 000_e9047bbc50bb7192.txt), pinned here.
SEED_SHA256 = "b29f7ccfd1b53d89ec2b3b53ce9e77f2712857104b7655744affb56175b3b1e0"


def data_bytes(name: str) -> bytes:
    return files("icnk_letter").joinpath("data", name).read_bytes()


class TestVerbatimText:
    def test_sha256_is_pinned(self) -> None:
        """The shipped text is the seed, byte for byte."""
        assert hashlib.sha256(data_bytes("release.txt")).hexdigest() == SEED_SHA256

    def test_sha256_is_exposed(self, release: icnk_letter.Release) -> None:
        """Users can cite the hash of the text they used."""
        assert release.sha256 == SEED_SHA256

    def test_quirks_are_kept(self, release: icnk_letter.Release) -> None:
        """Leading blank lines, no final newline and the double full stop survive."""
        assert release.text.startswith("\n\n\n\n1.9.2012\n")
        assert not release.text.endswith("\n")
        assert "(ICRC).." in release.text
        assert release.text.encode("utf-8") == data_bytes("release.txt")


class TestDataFile:
    def test_schema_version(self, release: icnk_letter.Release) -> None:
        """The data file declares the schema version the library reads."""
        data = json.loads(data_bytes("release.json"))
        assert icnk_letter.SCHEMA_VERSION == data["schema_version"] == release.schema_version

    def test_text_is_not_duplicated(self) -> None:
        """The JSON describes the text; it does not carry a second copy of it."""
        assert "text" not in json.loads(data_bytes("release.json"))


class TestCountries:
    def test_iso_codes(self) -> None:
        """``countries.json`` lists the 249 ISO 3166-1 alpha-2 codes, sorted, each two capital letters."""
        codes = json.loads(data_bytes("countries.json"))["iso3166_alpha2"]
        assert (249, sorted(set(codes))) == (len(codes), codes)
        assert all(len(code) == 2 and code.isascii() and code.isupper() for code in codes)
        assert {"KR", "KP", "GB", "US", "JP", "AQ"} <= set(codes)

    def test_named_countries_have_codes(self, release: icnk_letter.Release) -> None:
        """Every country the data names, and every country of a record, is an ISO 3166-1 code."""
        data = json.loads(data_bytes("countries.json"))
        used = {
            c
            for c in (*(o.country for o in release.organizations), *(c.country for c in release.contacts))
            if c
        }
        assert set() == (set(data["countries"]) | used) - set(data["iso3166_alpha2"])


class TestCallingCodes:
    def test_agree_with_libphonenumber(self) -> None:
        """``calling_codes.json`` gives every region the calling code Google's libphonenumber gives it.

        libphonenumber (the ``phonenumbers`` package) knows no code for a few
        uninhabited or dependent territories; ours follow the ITU's
        assignment there, and the test lists them so that a change shows.
        """
        import phonenumbers

        ours: dict[str, str] = json.loads(data_bytes("calling_codes.json"))["calling_codes"]
        theirs = {code: str(phonenumbers.country_code_for_region(code)) for code in ours}
        unknown = {code for code, value in theirs.items() if value == "0"}
        assert {"AQ", "BV", "GS", "HM", "PN", "TF", "UM"} == unknown
        assert {} == {
            code: (ours[code], value) for code, value in theirs.items() if value not in ("0", ours[code])
        }

"""The enum fields, ``Phone.kind`` and ``Claim.kind``: a member or its value, stored as the member."""

from __future__ import annotations

import attrs
import pytest

import icnk_letter
from icnk_letter import Claim, ClaimKind, Phone, PhoneKind, Span

SPAN = Span(0, 0, "")


class TestPhoneKind:
    def test_value_becomes_the_member(self) -> None:
        """A phone built with "mobile" holds PhoneKind.MOBILE itself."""
        phone = Phone("090-2301-4372", "+819023014372", "mobile", "+81 90 2301 4372", SPAN)
        assert PhoneKind.MOBILE is phone.kind

    def test_member_is_kept(self) -> None:
        """A phone built with a member holds that member."""
        phone = Phone("x", "+819023014372", kind=PhoneKind.UNSPECIFIED, international="+81 90", span=SPAN)
        assert PhoneKind.UNSPECIFIED is phone.kind

    def test_evolve_converts_too(self, release: icnk_letter.Release) -> None:
        """attrs.evolve goes through the same converter."""
        phone = attrs.evolve(release.contacts[2].phones[0], kind="mobile")
        assert PhoneKind.MOBILE is phone.kind

    @pytest.mark.parametrize("kind", ["cell", "MOBILE", "", 1, None, ClaimKind.DEMAND])
    def test_unknown_value(self, kind: object) -> None:
        """Anything but a PhoneKind or its value is a ValueError naming the field and the valid values."""
        with pytest.raises(ValueError, match=r"^Phone\.kind: expected a PhoneKind or one of") as info:
            Phone("x", "+819023014372", kind, "+81 90", SPAN)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        assert f"'mobile', 'unspecified', got {kind!r}" in str(info.value)

    def test_equal_either_way(self, release: icnk_letter.Release) -> None:
        """A record built from the value equals the bundled one, so it round-trips the same."""
        phone = release.contacts[1].phones[1]
        assert phone == attrs.evolve(phone, kind="mobile")
        assert '"kind":"mobile"' in icnk_letter.to_json(attrs.evolve(phone, kind="mobile"))


class TestClaimKind:
    def test_value_becomes_the_member(self) -> None:
        """A claim built with "demand" holds ClaimKind.DEMAND itself."""
        claim = Claim("demand-5", "demand", "set the captives free", None, "ha-tae-keung", SPAN)
        assert ClaimKind.DEMAND is claim.kind

    def test_member_is_kept(self, release: icnk_letter.Release) -> None:
        """The bundled claims hold their members."""
        assert [ClaimKind.STATEMENT, ClaimKind.STATEMENT, ClaimKind.DEMAND] == [
            claim.kind for claim in release.claims[:3]
        ]

    def test_filters_see_the_member(self, release: icnk_letter.Release) -> None:
        """A claim made a violation with a str is found as a violation."""
        claims = icnk_letter.Records([attrs.evolve(release.claims[2], kind="violation")])
        assert [release.claims[2].id] == [claim.id for claim in claims.filter(kind=ClaimKind.VIOLATION)]

    @pytest.mark.parametrize("kind", ["opinion", "Demand", PhoneKind.MOBILE, 3])
    def test_unknown_value(self, kind: object) -> None:
        """Anything but a ClaimKind or its value is a ValueError naming the field and the valid values."""
        with pytest.raises(ValueError, match=r"^Claim\.kind: ") as info:
            Claim("c", kind, "text", None, "x", SPAN)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        expected = (
            f"Claim.kind: expected a ClaimKind or one of 'violation', 'demand', 'statement', got {kind!r}"
        )
        assert expected == str(info.value)

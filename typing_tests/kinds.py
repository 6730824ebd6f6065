"""The enum fields as a user fills them: a member or its value, typed as the enum.

Type-checked by mypy and pyright, never run.
"""

from __future__ import annotations

from typing_extensions import assert_type

from icnk_letter import Claim, ClaimKind, Phone, PhoneKind, Span

span = Span(0, 0, "")
phone = Phone("090-2301-4372", "+819023014372", PhoneKind.MOBILE, "+81 90 2301 4372", span)
assert_type(phone.kind, PhoneKind)
phone = Phone(as_printed="x", e164="+819023014372", kind="mobile", international="+81 90", span=span)
assert_type(phone.kind, PhoneKind)

claim = Claim("demand-1", ClaimKind.DEMAND, "set the captives free", None, "ha-tae-keung", span)
assert_type(claim.kind, ClaimKind)
claim = Claim(
    id="demand-1", kind="demand", text="set the captives free", quantity=None, attributed_to="x", span=span
)
assert_type(claim.kind, ClaimKind)

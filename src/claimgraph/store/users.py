"""Users of `claimgraph serve`: a name, a role, and a token kept only as a salted hash.

A token reads `cg_<key id>_<secret>`: the key id (public) finds the row, the secret is
checked against its scrypt hash with a constant-time comparison. The token itself is shown
once, when the user is added, and never stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, delete, insert, select

from claimgraph.store import schema as t

ROLES: Final = ("viewer", "analyst", "admin")
# scrypt cost: 16 MiB and ~30-60 ms per check (RFC 7914's interactive-login setting).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PREFIX: Final = "cg"


class UserError(ValueError):
    """A user that cannot be added or removed as asked."""


@dataclass(frozen=True, slots=True)
class User:
    """Who a token belongs to."""

    name: str
    role: str
    created_at: str = ""


def hash_secret(secret: str, salt: bytes) -> str:
    """Return the stored form of a token's secret: scrypt$n$r$p$salt$hash (hex)."""
    digest = hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def secret_matches(secret: str, stored: str) -> bool:
    """Return whether a secret hashes to the stored form (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            secret.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected) // 2,
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), expected)


def add_user(connection: Connection, name: str, role: str) -> str:
    """Add a user and return their token (shown once; only its hash is stored)."""
    if role not in ROLES:
        raise UserError(f"unknown role {role!r} ({', '.join(ROLES)})")
    name = name.strip()
    if not name:
        raise UserError("a user needs a name")
    taken = connection.execute(select(t.users.c.id).where(t.users.c.name == name)).first()
    if taken is not None:
        raise UserError(f"there is a user {name!r} already")
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    connection.execute(
        insert(t.users).values(
            name=name,
            role=role,
            key_id=key_id,
            token_hash=hash_secret(secret, secrets.token_bytes(16)),
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
    )
    return f"{PREFIX}_{key_id}_{secret}"


def user_for_token(connection: Connection, token: str) -> User | None:
    """Return the user a token belongs to, or None for a token that is not valid."""
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    _, key_id, secret = parts
    row = connection.execute(select(t.users).where(t.users.c.key_id == key_id)).mappings().first()
    if row is None or not secret_matches(secret, row["token_hash"]):
        return None
    return User(row["name"], row["role"], row["created_at"])


def list_users(connection: Connection) -> list[User]:
    """Return every user by name (never their token hash)."""
    rows = connection.execute(select(t.users).order_by(t.users.c.name)).mappings()
    return [User(row["name"], row["role"], row["created_at"]) for row in rows]


def remove_user(connection: Connection, name: str) -> bool:
    """Remove a user (their token stops working); False if there was none."""
    return connection.execute(delete(t.users).where(t.users.c.name == name)).rowcount > 0

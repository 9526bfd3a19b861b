"""`claimgraph users`: who may use `claimgraph serve` and as what (viewer, analyst, admin)."""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.application import app, fail_usage, stderr
from claimgraph.cli.record import DbOption, open_store
from claimgraph.store.users import ROLES, UserError, add_user, list_users, remove_user

users_app = typer.Typer(help="Users of `claimgraph serve` and their tokens.", no_args_is_help=True)
app.add_typer(users_app, name="users")


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The user's name, shown as the reviewer.")],
    role: Annotated[
        str, typer.Option("--role", help="viewer (reads), analyst (reviews), admin (users).")
    ] = "viewer",
    db: DbOption = None,
) -> None:
    """Add a user and print their token once (only a salted hash of it is stored)."""
    if role not in ROLES:
        raise fail_usage(f"unknown role {role!r} (known: {', '.join(ROLES)})")
    store = open_store(db)
    try:
        with store.engine.begin() as connection:
            token = add_user(connection, name, role)
    except UserError as error:
        stderr.print(f"claimgraph: {error}", markup=False)
        raise typer.Exit(1) from None
    finally:
        store.close()
    stderr.print(
        f"claimgraph: added {name} ({role}). Their token, shown this once "
        "(send it as 'Authorization: Bearer <token>'):",
        markup=False,
    )
    typer.echo(token)


@users_app.command("list")
def list_(db: DbOption = None) -> None:
    """List users and their roles."""
    store = open_store(db)
    with store.reading() as connection:
        found = list_users(connection)
    store.close()
    for user in found:
        typer.echo(f"{user.name}\t{user.role}\t{user.created_at}")


@users_app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="The user to remove; their token stops working.")],
    db: DbOption = None,
) -> None:
    """Remove a user."""
    store = open_store(db)
    with store.engine.begin() as connection:
        removed = remove_user(connection, name)
    store.close()
    if not removed:
        stderr.print(f"claimgraph: no user {name!r}", markup=False)
        raise typer.Exit(1)

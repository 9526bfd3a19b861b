"""Gazetteer commands: build, import GeoNames dumps, info; and `geocode` with ranked reasons."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from claimgraph.cli.application import app
from claimgraph.gazetteer.build import ensure_gazetteer
from claimgraph.gazetteer.lookup import Gazetteer, GazetteerEntry, default_gazetteer, default_path
from claimgraph.resolve.place_base import Context, Mention
from claimgraph.resolve.place_context import container_indexes
from claimgraph.resolve.place_scoring import lookup_candidates, rank_candidates

USER_PLACES_SUFFIXES = (".csv", ".yaml", ".yml")
FILES_ARGUMENT = typer.Argument(..., exists=True, dir_okay=False)
gazetteer_app = typer.Typer(help="Build and inspect the offline gazetteer.", no_args_is_help=True)


@gazetteer_app.command("build")
def build(force: bool = typer.Option(False, "--force", help="Rebuild even if it exists.")) -> None:
    """Build the gazetteer cache from the installed data packages."""
    from claimgraph.gazetteer.build import build_gazetteer

    path = default_path()
    if path.exists() and not force:
        typer.echo(f"{path} exists (use --force to rebuild)", err=True)
        return
    started = time.perf_counter()
    meta = build_gazetteer(path)
    size_mb = path.stat().st_size / 1e6
    typer.echo(
        f"built {path}: {meta['entries']} entries, {size_mb:.1f} MB, "
        f"{time.perf_counter() - started:.1f} s"
    )


@gazetteer_app.command("import")
def import_files(files: list[Path] = FILES_ARGUMENT) -> None:
    """Load GeoNames dumps (allCountries/CC.txt, alternateNames, admin1/admin2 codes) and
    user places files (.csv/.yaml: name, aliases, lat, lon, parent)."""
    from claimgraph.gazetteer.geonames import import_geonames
    from claimgraph.gazetteer.user_places import import_user_places

    user = [f for f in files if f.suffix.lower() in USER_PLACES_SUFFIXES]
    dumps = [f for f in files if f not in user]
    ensure_gazetteer(default_path())
    counts = import_geonames(dumps) if dumps else {"places": 0, "aliases": 0}
    if user:
        added = import_user_places(user, choose_parent=ranked_parent)
        counts = {key: counts[key] + added[key] for key in counts}
    default_gazetteer.cache_clear()
    typer.echo(
        f"imported {counts['places']} places, {counts['aliases']} names into {default_path()}"
    )


@gazetteer_app.command("info")
def info() -> None:
    """Show where the gazetteer is and what it holds."""
    path = default_path()
    typer.echo(f"path: {path}")
    if not path.exists():
        typer.echo("not built yet (run `claimgraph gazetteer build`; extract builds it first)")
        return
    typer.echo(f"size_mb: {path.stat().st_size / 1e6:.1f}")
    for key, value in default_gazetteer().info().items():
        typer.echo(f"{key}: {value}")


def ranked_parent(gazetteer: Gazetteer, name: str) -> GazetteerEntry | None:
    """Return the entry a user place's parent name means, as the place resolver ranks them."""
    mention = Mention(name, 0, len(name), name)
    ranked = rank_candidates(gazetteer.candidates(name), mention, Context())
    return ranked[0].entry if ranked else None


def geocode(query: str, limit: int = 5) -> None:
    """Print ranked gazetteer candidates for a place name ("Kasur, Punjab") with the reasons."""
    ensure_gazetteer(default_path())
    gazetteer = default_gazetteer()
    parts = [p.strip() for p in query.split(",") if p.strip()][:4]
    mentions, offset = [], 0
    for part in parts:
        start = query.index(part, offset)
        mentions.append(Mention(part, start, start + len(part), part))
        offset = start + len(part)
    if not mentions:
        raise typer.BadParameter("empty query")
    containers = container_indexes(query, mentions)
    container = None
    if 0 in containers:
        outer = mentions[containers[0]]
        ranked_outer = rank_candidates(lookup_candidates(gazetteer, outer), outer, Context())
        container = ranked_outer[0].entry if ranked_outer else None
    ranked = rank_candidates(
        lookup_candidates(gazetteer, mentions[0]), mentions[0], Context(container=container)
    )
    if not ranked:
        typer.echo(f"no candidates for {mentions[0].text!r}")
        return
    for place in ranked[:limit]:
        e = place.entry
        where = ", ".join(x for x in (e.admin2, e.admin1, e.country_code) if x)
        typer.echo(
            f"{place.score:6.1f}  {e.name} ({where}) {e.feature_code} id={e.geonameid} "
            f"{e.latitude:.4f},{e.longitude:.4f}"
        )
        typer.echo(f"        {'; '.join(place.reasons)}")


GEOCODE_HELP = "Show the ranked gazetteer candidates for a place name, with why."
app.command(name="geocode", help=GEOCODE_HELP)(geocode)
app.add_typer(gazetteer_app, name="gazetteer", help="Build, import into and inspect the gazetteer.")

"""Users extend the lexicons from their own files, checked against a schema before anything
runs; an error names the file and the line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.data_files import read_data_yaml
from claimgraph.errors import LexiconError
from claimgraph.lexicons import SCHEMAS, read_lexicon_file, read_lexicons

CLI = str(Path(sys.executable).parent / "claimgraph")
REPORT = "Fighters of the Black Lantern Brigade stormed a police post in Quetta on Monday.\n"


def claimgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args], capture_output=True, text=True, timeout=600, env={**os.environ, **(env or {})}
    )


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_shipped_lexicon_fits_its_schema(kind: str, tmp_path: Path) -> None:
    shipped = Path(__file__).parents[1] / "src" / "claimgraph" / "data" / f"{kind}.yaml"
    copy = tmp_path / f"{kind}.yaml"
    copy.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    assert read_lexicon_file(kind, copy) == read_data_yaml(f"{kind}.yaml")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("relations.yaml", "hosts:\n  verbs: [shelter]\n  preps: [on]\n", ":3: true where text is expected"),
        ("actors.sahel.yaml", "groups:\n  - name: X\n    kind: rebel\n    alias: [X]\n", ":4: unknown key"),
        ("event_triggers.yaml", "triggers:\n  - sub_event_type: Ambush\n    specificity: 2\n    phrases: [ambush]\n", ":2: 'Ambush' is not one of"),
        ("rhetoric.yaml", "loaded_language: [\n", "rhetoric.yaml"),
    ],
)
def test_a_broken_lexicon_is_named_with_its_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_lexicons([str(path)])
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_a_file_that_extends_no_lexicon_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "my_words.yaml"
    path.write_text("groups: []\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a lexicon file name"):
        read_lexicons([str(path)])


@pytest.fixture()
def lexicon_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "actors.local.yaml").write_text(
        "groups:\n"
        "  - name: Black Lantern Brigade\n"
        "    kind: rebel\n"
        "    country: PK\n"
        "    aliases: [Black Lantern Brigade, BLB]\n"
        "    source: an analyst's own list\n",
        encoding="utf-8",
    )
    return folder


def test_extract_reads_the_user_s_actors_from_option_and_environment(
    tmp_path: Path, lexicon_folder: Path
) -> None:
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    plain = json.loads(claimgraph("extract", str(article)).stdout)
    assert "Black Lantern Brigade" not in {a["name"] for a in plain["actors"]}
    extended = claimgraph("extract", str(article), "--lexicon", str(lexicon_folder))
    assert extended.returncode == 0, extended.stderr
    names = {a["name"] for a in json.loads(extended.stdout)["actors"]}
    assert "Black Lantern Brigade" in names
    by_env = claimgraph("extract", str(article), env={"CLAIMGRAPH_LEXICONS": str(lexicon_folder)})
    assert {a["name"] for a in json.loads(by_env.stdout)["actors"]} == names


def test_a_broken_lexicon_stops_the_command_before_it_starts(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("speech_verbs: [say, yes]\n", encoding="utf-8")
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    result = claimgraph("extract", str(article), "--lexicon", str(bad))
    assert result.returncode == 2
    assert f"{bad}:1: true where text is expected" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
